package com.engagementconductor.api.ratelimit;

import com.engagementconductor.api.ratelimit.RateLimitSettings.Limit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Instant;
import java.time.InstantSource;

/** Bucket4j shapes of the product's settings: a greedy-refill bucket per {@link Limit}, a clock per {@link InstantSource}. */
final class Buckets {
    private Buckets() {}

    static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.refill(), limit.period())
                        .build())
                .build();
    }

    /** Nanoseconds of the epoch from {@code clock}, so tests that move the product's clock move the buckets too. */
    static TimeMeter timeMeter(InstantSource clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}

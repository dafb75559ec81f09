package com.engagementconductor.api.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in this node's memory: the embedded topology's, and the fallback while Redis is unreachable. A bucket
 * unused for {@link #IDLE_NANOS} (the Redis expiry of contracts §8.5) is dropped, so the map holds only recent keys.
 */
final class LocalBuckets {
    static final long IDLE_NANOS = 120_000_000_000L;
    private static final long SWEEP_EVERY_NANOS = 60_000_000_000L;

    private record Entry(Bucket bucket, AtomicLong lastUsed) {}

    private final TimeMeter clock;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    LocalBuckets(TimeMeter clock) {
        this.clock = clock;
        this.nextSweep = new AtomicLong(clock.currentTimeNanos() + SWEEP_EVERY_NANOS);
    }

    ConsumptionProbe consume(String key, BucketConfiguration configuration) {
        long now = clock.currentTimeNanos();
        sweep(now);
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(bucket(configuration), new AtomicLong(now)));
        entry.lastUsed().set(now);
        return entry.bucket().tryConsumeAndReturnRemaining(1);
    }

    int size() {
        return buckets.size();
    }

    private Bucket bucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    /** At most once a minute, on the calling thread: one pass over the map. */
    private void sweep(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            return;
        }
        buckets.entrySet().removeIf(e -> now - e.getValue().lastUsed().get() >= IDLE_NANOS);
    }
}

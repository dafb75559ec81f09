package com.engagementconductor.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets per key and class (contracts §6). With {@code REDIS_URL} the buckets are shared through Redis;
 * while Redis cannot answer, this node limits with its own buckets, says so once in the log and once again when
 * Redis answers again. A Redis call that fails slowly (a hung server) keeps Redis out of the path for
 * {@code redisRetry}, so requests do not each wait for the timeout. Rejections are counted per class
 * ({@code conductor.rate.limited}).
 */
public final class RateLimiter implements AutoCloseable {
    static final String KEY_PREFIX = "conductor:ratelimit:";
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final Map<LimitClass, BucketConfiguration> configurations = new EnumMap<>(LimitClass.class);
    private final Map<LimitClass, Long> capacities = new EnumMap<>(LimitClass.class);
    private final Map<LimitClass, Counter> rejected = new EnumMap<>(LimitClass.class);
    private final LocalBuckets local;
    private final @Nullable RedisBuckets shared;
    private final long slowFailureNanos;
    private final long retryNanos;
    private final AtomicBoolean sharedDown = new AtomicBoolean();
    private volatile long skipSharedUntil = System.nanoTime();

    /** Local buckets only: the embedded topology. */
    public static RateLimiter local(RateLimitSettings settings, InstantSource clock, MeterRegistry meters) {
        return new RateLimiter(settings, clock, meters, null);
    }

    /** Buckets in the Redis at {@code redisUrl}, with local buckets while it cannot answer. */
    public static RateLimiter shared(
            RateLimitSettings settings, InstantSource clock, MeterRegistry meters, String redisUrl) {
        return new RateLimiter(settings, clock, meters, redisUrl);
    }

    private RateLimiter(
            RateLimitSettings settings, InstantSource clock, MeterRegistry meters, @Nullable String redisUrl) {
        TimeMeter time = Buckets.timeMeter(clock);
        for (LimitClass limitClass : LimitClass.values()) {
            configurations.put(limitClass, Buckets.configuration(settings.limit(limitClass)));
            capacities.put(limitClass, (long) settings.limit(limitClass).capacity());
            rejected.put(
                    limitClass,
                    Counter.builder("conductor.rate.limited")
                            .description("REST requests answered 429 by the rate limiter")
                            .tag("class", limitClass.value())
                            .register(meters));
        }
        this.local = new LocalBuckets(time);
        this.slowFailureNanos = settings.redisTimeout().toNanos() / 2;
        this.retryNanos = settings.redisRetry().toNanos();
        this.shared = redisUrl == null
                ? null
                : new RedisBuckets(redisUrl, settings.redisTimeout(), settings.redisRetry(), time);
    }

    /** Takes one token from {@code key}'s bucket of {@code limitClass}. */
    public Verdict consume(LimitClass limitClass, String key) {
        Verdict verdict = Verdict.of(capacities.get(limitClass), probe(limitClass, key));
        if (!verdict.allowed()) {
            rejected.get(limitClass).increment();
        }
        return verdict;
    }

    private ConsumptionProbe probe(LimitClass limitClass, String key) {
        BucketConfiguration configuration = configurations.get(limitClass);
        RedisBuckets redis = shared;
        if (redis != null && System.nanoTime() - skipSharedUntil >= 0) {
            long started = System.nanoTime();
            try {
                ConsumptionProbe probe = redis.consume(KEY_PREFIX + limitClass.value() + ":" + key, configuration);
                if (sharedDown.compareAndSet(true, false)) {
                    log.info("Redis answers again: rate-limit buckets are shared by all nodes again");
                }
                return probe;
            } catch (RuntimeException e) {
                if (System.nanoTime() - started >= slowFailureNanos) {
                    skipSharedUntil = System.nanoTime() + retryNanos;
                }
                if (sharedDown.compareAndSet(false, true)) {
                    log.warn(
                            "Redis cannot be reached for rate limiting ({}): this node limits with local buckets"
                                    + " until it answers again",
                            e.getMessage());
                }
            }
        }
        return local.consume(limitClass.value() + ":" + key, configuration);
    }

    /** Whether the last decision came from local buckets although Redis is configured. */
    boolean fallingBack() {
        return sharedDown.get();
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}

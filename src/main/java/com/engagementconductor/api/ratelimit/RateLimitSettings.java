package com.engagementconductor.api.ratelimit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The buckets of contracts §6 ({@code conductor.api.rate-limit.*}): one {@link Limit} per class, and how long the
 * limiter waits for Redis before it answers from local buckets ({@code redisTimeout}) and how long it then leaves
 * Redis alone before trying again ({@code redisRetry}).
 */
@ConfigurationProperties("conductor.api.rate-limit")
public record RateLimitSettings(
        @Name("default") @Nullable Limit standard,
        @Nullable Limit interventions,
        @DefaultValue("200ms") Duration redisTimeout,
        @DefaultValue("5s") Duration redisRetry) {

    private static final Limit CONTRACT_DEFAULT = new Limit(60, 60, Duration.ofMinutes(1));
    private static final Limit CONTRACT_INTERVENTIONS = new Limit(3, 10, Duration.ofMinutes(1));

    /** A bucket of {@code capacity} tokens refilled greedily with {@code refill} tokens every {@code period}. */
    public record Limit(int capacity, int refill, Duration period) {
        public Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("rate-limit capacity must be at least 1: " + capacity);
            }
            if (refill < 1) {
                throw new IllegalArgumentException("rate-limit refill must be at least 1: " + refill);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("rate-limit period must be positive: " + period);
            }
        }
    }

    public RateLimitSettings {
        standard = standard == null ? CONTRACT_DEFAULT : standard;
        interventions = interventions == null ? CONTRACT_INTERVENTIONS : interventions;
        if (redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("rate-limit redis-timeout must be positive: " + redisTimeout);
        }
        if (redisRetry.isNegative()) {
            throw new IllegalArgumentException("rate-limit redis-retry must not be negative: " + redisRetry);
        }
    }

    /** The contract's numbers: {@code default} 60 a minute, burst 60; {@code interventions} 10 a minute, burst 3. */
    public static RateLimitSettings contract() {
        return new RateLimitSettings(
                CONTRACT_DEFAULT, CONTRACT_INTERVENTIONS, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** The limit of {@code limitClass}. */
    public Limit limit(LimitClass limitClass) {
        return switch (limitClass) {
            case DEFAULT -> standard;
            case INTERVENTIONS -> interventions;
        };
    }
}

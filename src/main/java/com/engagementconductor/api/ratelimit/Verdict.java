package com.engagementconductor.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * The answer to one request (contracts §6): whether it may pass, and the numbers of the {@code RateLimit-*}
 * headers; {@code retryAfterSeconds} (seconds until one token, at least 1) only matters when it may not.
 */
public record Verdict(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public Verdict {
        if (limit < 1 || remaining < 0 || remaining > limit || resetSeconds < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("inconsistent verdict: limit " + limit + ", remaining " + remaining
                    + ", reset " + resetSeconds + ", retry after " + retryAfterSeconds);
        }
    }

    static Verdict of(long capacity, ConsumptionProbe probe) {
        long remaining = Math.min(capacity, Math.max(0, probe.getRemainingTokens()));
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Verdict(true, capacity, remaining, reset, 0);
        }
        return new Verdict(false, capacity, remaining, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Whole seconds, rounded up: a client that waits that long finds what it waits for. */
    private static long seconds(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}

package com.engagementconductor.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Reward measurement (behaviour R7.1, R7.2): the pre and post windows of detection scores around a decision and
 * its execution, and the continuous reward {@code v2} (the prior rule {@code v1} is kept for comparison runs).
 */
public final class Reward {
    static final Duration PRE = Duration.ofSeconds(30);
    static final int MIN_POST_TICKS = 3;

    private Reward() {}

    /** One stored tick: its time and detection score. */
    public record Tick(Instant at, double detectionScore) {}

    /** The post window of an arm: [t_x + 45 s, t_x + 75 s], or [t_x + 90 s, t_x + 150 s] for notifications. */
    public static Instant postStart(Instant executedAt, boolean notification) {
        return executedAt.plusSeconds(notification ? 90 : 45);
    }

    public static Instant postEnd(Instant executedAt, boolean notification) {
        return executedAt.plusSeconds(notification ? 150 : 75);
    }

    /**
     * The mean detection score over (t_d − 30 s, t_d], counting only ticks at or after the anomaly's onset; the
     * decision tick is always included.
     */
    public static OptionalDouble pre(List<Tick> ticks, Instant decidedAt, @Nullable Instant onset) {
        Instant from = decidedAt.minus(PRE);
        return ticks.stream()
                .filter(t -> t.at().isAfter(from) && !t.at().isAfter(decidedAt))
                .filter(t -> onset == null || !t.at().isBefore(onset) || t.at().equals(decidedAt))
                .mapToDouble(Tick::detectionScore)
                .average();
    }

    /** The mean detection score of the post window, or empty when fewer than 3 ticks fall in it. */
    public static OptionalDouble post(List<Tick> ticks, Instant executedAt, boolean notification) {
        Instant from = postStart(executedAt, notification);
        Instant to = postEnd(executedAt, notification);
        List<Tick> window = ticks.stream()
                .filter(t -> !t.at().isBefore(from) && !t.at().isAfter(to))
                .toList();
        if (window.size() < MIN_POST_TICKS) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(
                window.stream().mapToDouble(Tick::detectionScore).average().orElseThrow());
    }

    /** {@code v2}: clamp(0.5 + delta ÷ 0.4, 0, 1). */
    public static double v2(double delta) {
        return Math.max(0, Math.min(1, 0.5 + delta / 0.4));
    }

    /** Measured success (R7.2): delta > 0.02, compared after rounding (R0.5). */
    public static boolean success(double delta) {
        return round9(delta) > 0.02;
    }

    /** The prior rule, for comparison runs only. */
    public static double v1(double delta) {
        double d = round9(delta);
        if (d > 0) {
            return Math.min(d / 0.2, 1);
        }
        return d >= -0.05 ? 0.5 : 0;
    }

    /** The prior rule's success: reward > 0.3. */
    public static boolean v1Success(double delta) {
        return round9(v1(delta)) > 0.3;
    }

    static double round9(double v) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(9, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}

package com.engagementconductor.anomaly;

import org.jspecify.annotations.Nullable;

/** Classification of a candidate tick, rules 1–6 of R3.9 in order; no type means the tick counts as normal. */
final class AnomalyClassifier {

    private final DetectorSettings settings;
    private final int referenceTicks;
    private final int minuteBack;
    private final double perMinute;

    AnomalyClassifier(DetectorSettings settings) {
        this.settings = settings;
        this.referenceTicks = settings.referenceWindowTicks();
        this.minuteBack = settings.minuteBackTicks();
        this.perMinute = 60.0 / settings.tickSeconds();
    }

    /**
     * The type of a candidate tick, or null when no rule explains it.
     *
     * @param history the fed values before this tick (at least one)
     * @param recentMean p̄, the mean published score over the last 30 s, this tick included
     */
    @Nullable
    AnomalyType classify(double x, double leave, double recentMean, TickHistory history) {
        if (Thresholds.atLeast(leave, settings.massExitLeave())) {
            return AnomalyType.MASS_EXIT;
        }
        if (Thresholds.atMost(recentMean, settings.lowEngagementMean())) {
            return AnomalyType.LOW_ENGAGEMENT;
        }
        if (fellFromPrevious(history, x) || fellSinceAMinute(history, x)) {
            return AnomalyType.SUDDEN_DROP;
        }
        int window = Math.min(referenceTicks, history.size());
        if (window == referenceTicks
                && Thresholds.below(slopePerTick(history, window, x) * perMinute, settings.gradualSlopePerMinute())) {
            return AnomalyType.GRADUAL_DECLINE;
        }
        double mean = history.meanX(window);
        if (Thresholds.below(x, mean) && Thresholds.atLeast((mean - x) / mean, settings.belowMeanRatio())) {
            return AnomalyType.SUDDEN_DROP;
        }
        return null;
    }

    /** Rule 3, first part, and the immediate-raise condition of R3.11: x fell ≥ 25 % against the previous tick. */
    boolean fellFromPrevious(TickHistory history, double x) {
        return history.size() >= 1 && fellBy(history.x(1), x, settings.suddenDropRatio());
    }

    private boolean fellSinceAMinute(TickHistory history, double x) {
        return history.size() >= minuteBack && fellBy(history.x(minuteBack), x, settings.suddenDropRatio());
    }

    private static boolean fellBy(double before, double x, double ratio) {
        return Thresholds.round9(before) > 0 && Thresholds.atLeast((before - x) / before, ratio);
    }

    /** Ordinary least-squares slope of the last {@code window} values plus x against the point index. */
    static double slopePerTick(TickHistory history, int window, double x) {
        int n = window + 1;
        double meanIndex = (n - 1) / 2.0;
        double meanValue = (history.meanX(window) * window + x) / n;
        double covariance = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            double value = i < window ? history.x(window - i) : x;
            double di = i - meanIndex;
            covariance += di * (value - meanValue);
            spread += di * di;
        }
        return covariance / spread;
    }
}

package com.engagementconductor.anomaly;

import java.time.Duration;
import java.util.Objects;

/**
 * Deployment settings of the detector (behaviour R0.6 and the constants of section 3). The cooldown is also the
 * minimum gap between two SPIKE reports (R3.13: both are 30 s).
 */
public record DetectorSettings(
        Duration tick,
        int warmupTicks,
        boolean hstEnabled,
        long hstSeed,
        double warningThreshold,
        double criticalThreshold,
        Duration cooldown,
        int raiseAfterTicks,
        int clearAfterTicks,
        double suddenDropRatio,
        double massExitLeave,
        double lowEngagementMean,
        double veryLowEngagementMean,
        double gradualSlopePerMinute,
        double belowMeanRatio,
        double minSigma) {

    public DetectorSettings {
        Objects.requireNonNull(tick, "tick must not be null");
        Objects.requireNonNull(cooldown, "cooldown must not be null");
        if (tick.getNano() != 0 || tick.getSeconds() < 1 || tick.getSeconds() > 10) {
            throw new IllegalArgumentException("tick must be whole seconds in 1..10: " + tick);
        }
        if (warmupTicks < 3) {
            throw new IllegalArgumentException("warmupTicks must be >= 3: " + warmupTicks);
        }
        requireOpenUnit("warningThreshold", warningThreshold);
        requireOpenUnit("criticalThreshold", criticalThreshold);
        if (criticalThreshold < warningThreshold) {
            throw new IllegalArgumentException(
                    "criticalThreshold must be >= warningThreshold: " + criticalThreshold + " < " + warningThreshold);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
        }
        if (raiseAfterTicks < 1) {
            throw new IllegalArgumentException("raiseAfterTicks must be >= 1: " + raiseAfterTicks);
        }
        if (clearAfterTicks < 1) {
            throw new IllegalArgumentException("clearAfterTicks must be >= 1: " + clearAfterTicks);
        }
        requireOpenUnit("suddenDropRatio", suddenDropRatio);
        requireOpenUnit("massExitLeave", massExitLeave);
        requireOpenUnit("lowEngagementMean", lowEngagementMean);
        requireOpenUnit("veryLowEngagementMean", veryLowEngagementMean);
        if (veryLowEngagementMean > lowEngagementMean) {
            throw new IllegalArgumentException("veryLowEngagementMean must be <= lowEngagementMean: "
                    + veryLowEngagementMean + " > " + lowEngagementMean);
        }
        if (!(gradualSlopePerMinute < 0.0 && gradualSlopePerMinute > -1.0)) {
            throw new IllegalArgumentException("gradualSlopePerMinute must be in (-1,0): " + gradualSlopePerMinute);
        }
        requireOpenUnit("belowMeanRatio", belowMeanRatio);
        requireOpenUnit("minSigma", minSigma);
    }

    /** The defaults of R0.6 and section 3 at the given tick: warm-up 6, HST enabled with seed 1. */
    public static DetectorSettings defaults(Duration tick) {
        return new DetectorSettings(
                tick, 6, true, 1L, 0.6, 0.8, Duration.ofSeconds(30), 2, 3, 0.25, 0.15, 0.20, 0.10, -0.04, 0.10, 0.02);
    }

    /** These settings with Half-Space Trees switched on or off and the given forest seed. */
    public DetectorSettings withHst(boolean enabled, long seed) {
        return new DetectorSettings(
                tick,
                warmupTicks,
                enabled,
                seed,
                warningThreshold,
                criticalThreshold,
                cooldown,
                raiseAfterTicks,
                clearAfterTicks,
                suddenDropRatio,
                massExitLeave,
                lowEngagementMean,
                veryLowEngagementMean,
                gradualSlopePerMinute,
                belowMeanRatio,
                minSigma);
    }

    /** T in whole seconds. */
    int tickSeconds() {
        return (int) tick.getSeconds();
    }

    /** EWMA weight of the mean, λ = min(1, T ÷ 50 s) (R3.3). */
    double meanWeight() {
        return Math.min(1.0, tickSeconds() / 50.0);
    }

    /** EWMA weight of the variance, λᵥ = min(1, T ÷ 250 s) (R3.3). */
    double varianceWeight() {
        return Math.min(1.0, tickSeconds() / 250.0);
    }

    /** Ticks in the p̄ mean, ⌈30 ÷ T⌉, this one included (R3.7). */
    int recentMeanTicks() {
        return ceilDiv(30, tickSeconds());
    }

    /** Values in the reference window, ⌊150 ÷ T⌋ (R3.9). */
    int referenceWindowTicks() {
        return 150 / tickSeconds();
    }

    /** How many fed ticks back "60 s earlier" is, ⌈60 ÷ T⌉ (R3.9 rule 3). */
    int minuteBackTicks() {
        return ceilDiv(60, tickSeconds());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void requireOpenUnit(String name, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0,1]: " + value);
        }
    }
}

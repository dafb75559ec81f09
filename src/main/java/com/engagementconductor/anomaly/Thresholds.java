package com.engagementconductor.anomaly;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Threshold comparisons after rounding half-up to 9 decimals (R0.5), so that boundary cases are deterministic. */
final class Thresholds {

    private Thresholds() {}

    /** Rounds half-up to 9 decimal places, from the shortest decimal representation of the double. */
    static double round9(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).doubleValue();
    }

    static boolean atLeast(double value, double threshold) {
        return round9(value) >= round9(threshold);
    }

    static boolean atMost(double value, double threshold) {
        return round9(value) <= round9(threshold);
    }

    static boolean below(double value, double threshold) {
        return round9(value) < round9(threshold);
    }

    static double clamp01(double value) {
        return Math.min(1.0, Math.max(0.0, value));
    }
}

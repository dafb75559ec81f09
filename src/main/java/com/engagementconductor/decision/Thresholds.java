package com.engagementconductor.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Comparisons after rounding half-up to 9 decimals (R0.5), so that boundary cases such as TV-B1 are deterministic. */
final class Thresholds {

    private Thresholds() {}

    /** Rounds half-up to 9 decimal places, from the shortest decimal representation of the double. */
    static double round9(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).doubleValue();
    }

    static boolean below(double value, double threshold) {
        return round9(value) < round9(threshold);
    }

    static boolean atLeast(double value, double threshold) {
        return round9(value) >= round9(threshold);
    }
}

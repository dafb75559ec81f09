package com.engagementconductor.content;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal rounding: half-up to 9 places before any boundary (R0.5), and the display scale of R0.1. */
final class Decimals {

    private Decimals() {}

    static double round9(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).doubleValue();
    }

    /** Rounded half-up to a whole number, after rounding to 9 places so that 46.4999999999 counts as 46.5. */
    static long wholeHalfUp(double value) {
        return BigDecimal.valueOf(round9(value))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** A unit-interval value on the display scale with one decimal: 0.31 → {@code 31.0}, 0.582899 → {@code 58.3}. */
    static String displayScale(double unit) {
        return BigDecimal.valueOf(round9(unit))
                .movePointRight(2)
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
    }
}

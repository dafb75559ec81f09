package com.engagementconductor.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The category of a published score (behaviour R2.7); boundaries compare after rounding to 9 decimals (R0.5). */
public enum EngagementCategory {
    VERY_LOW,
    LOW,
    MODERATE,
    HIGH,
    VERY_HIGH;

    public static EngagementCategory of(double score) {
        double s = round9(score);
        if (s >= 0.8) {
            return VERY_HIGH;
        }
        if (s >= 0.6) {
            return HIGH;
        }
        if (s >= 0.4) {
            return MODERATE;
        }
        if (s >= 0.2) {
            return LOW;
        }
        return VERY_LOW;
    }

    /** Rounds half-up to 9 decimal places, as every threshold comparison requires (R0.5). */
    public static double round9(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).doubleValue();
    }
}

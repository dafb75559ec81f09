package com.engagementconductor.scoring;

import java.util.Locale;

/** The score formula of a deployment (behaviour R2.1): {@code v1} is the prior formula, {@code v2} the default. */
public enum ScoreVersion {
    V1,
    V2;

    /** The name sent as {@code formula}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ScoreVersion parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "v1" -> V1;
            case "v2" -> V2;
            default -> throw new IllegalArgumentException("score version must be v1 or v2: " + value);
        };
    }
}

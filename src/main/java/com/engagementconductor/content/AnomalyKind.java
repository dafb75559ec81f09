package com.engagementconductor.content;

/** The anomaly types that can trigger an intervention (R0.4); {@code SPIKE} never does (R3.13). */
public enum AnomalyKind {
    SUDDEN_DROP,
    GRADUAL_DECLINE,
    LOW_ENGAGEMENT,
    MASS_EXIT;

    /** Reads a wire value exactly as R0.4 spells it. */
    public static AnomalyKind parse(String value) {
        for (AnomalyKind kind : values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown or non-actionable anomaly type: " + value);
    }
}

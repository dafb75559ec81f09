package com.engagementconductor.content;

/** Severity of the anomaly behind a content request (R0.4); {@code INFO} belongs to spikes and never reaches content. */
public enum AnomalySeverity {
    WARNING,
    CRITICAL;

    /** Reads a wire value exactly as R0.4 spells it. */
    public static AnomalySeverity parse(String value) {
        for (AnomalySeverity severity : values()) {
            if (severity.name().equals(value)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown or non-actionable severity: " + value);
    }
}

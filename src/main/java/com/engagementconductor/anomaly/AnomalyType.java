package com.engagementconductor.anomaly;

/** The kinds of anomaly the detector reports (R0.4); {@link #SPIKE} is informational only (R3.13). */
public enum AnomalyType {
    SUDDEN_DROP,
    GRADUAL_DECLINE,
    LOW_ENGAGEMENT,
    MASS_EXIT,
    SPIKE
}

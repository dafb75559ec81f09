package com.engagementconductor.simulation;

/** The kinds of phase of a scenario timeline (behaviour R8.3); the drop types are the hidden true causes of R8.4. */
public enum PhaseType {
    BASELINE,
    SUDDEN_DROP,
    GRADUAL_DECLINE,
    LOW,
    MASS_EXIT,
    RECOVERY
}

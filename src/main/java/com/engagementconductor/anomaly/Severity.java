package com.engagementconductor.anomaly;

/** Severity of a reported anomaly (R0.4, R3.11); {@link #INFO} is used for {@code SPIKE} only. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}

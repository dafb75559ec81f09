package com.engagementconductor.anomaly;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An anomaly as published (R3.14): a raise, a WARNING-to-CRITICAL update of the same anomaly, or a SPIKE. */
public record AnomalyReport(
        UUID anomalyId,
        Kind kind,
        Instant timestamp,
        AnomalyType type,
        Severity severity,
        double anomalyScore,
        double currentEngagement,
        double expectedEngagement,
        Components components,
        boolean detectorWarm) {

    /** Why the report was published. */
    public enum Kind {
        /** A new anomaly (R3.11), including a new one for a change to MASS_EXIT or LOW_ENGAGEMENT. */
        RAISED,
        /** The same {@code anomalyId} again, risen from WARNING to CRITICAL. */
        ESCALATED,
        /** An informational upward jump (R3.13); never triggers the agent. */
        SPIKE
    }

    public AnomalyReport {
        Objects.requireNonNull(anomalyId, "anomalyId must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(severity, "severity must not be null");
        Objects.requireNonNull(components, "components must not be null");
        Components.requireUnit("anomalyScore", anomalyScore);
        Components.requireUnit("currentEngagement", currentEngagement);
        Components.requireUnit("expectedEngagement", expectedEngagement);
        boolean spike = kind == Kind.SPIKE;
        if (spike != (type == AnomalyType.SPIKE)) {
            throw new IllegalArgumentException("type SPIKE goes with kind SPIKE only: " + kind + " " + type);
        }
        if (spike != (severity == Severity.INFO)) {
            throw new IllegalArgumentException("severity INFO goes with SPIKE only: " + kind + " " + severity);
        }
    }

    /** |current − expected|, the prior meaning that existing clients rely on. */
    public double deviation() {
        return Math.abs(currentEngagement - expectedEngagement);
    }

    /** current − expected, negative for drops. */
    public double signedDeviation() {
        return currentEngagement - expectedEngagement;
    }
}

package com.engagementconductor.content;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the content layer needs to know about a session when it produces one intervention's content.
 *
 * @param score the published score now, in [0, 1]
 * @param scoreSixtySecondsAgo the published score 60 s earlier, if the session has one ({pct} of {@code SUDDEN_DROP})
 * @param leaveRate {@code user_leave_rate} in [0, 1] ({pct} of {@code MASS_EXIT})
 * @param effectiveLeaves L_W, the effective leaves in the window (R1.7)
 * @param anomalyOnset when the triggering anomaly began; absent means now
 */
public record ContentRequest(
        InterventionKind kind,
        AnomalyKind anomalyType,
        AnomalySeverity severity,
        @Nullable String title,
        @Nullable String topic,
        double score,
        @Nullable Double scoreSixtySecondsAgo,
        double leaveRate,
        int effectiveLeaves,
        Instant now,
        @Nullable Instant anomalyOnset) {

    public ContentRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(anomalyType, "anomalyType");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(now, "now");
        requireUnit("score", score);
        if (scoreSixtySecondsAgo != null) {
            requireUnit("scoreSixtySecondsAgo", scoreSixtySecondsAgo);
        }
        requireUnit("leaveRate", leaveRate);
        if (effectiveLeaves < 0) {
            throw new IllegalArgumentException("effectiveLeaves must not be negative: " + effectiveLeaves);
        }
    }

    private static void requireUnit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0,1]: " + value);
        }
    }
}

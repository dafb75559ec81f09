package com.engagementconductor.anomaly;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one fed tick produced: the anomaly score a, its components, the tick's type when it is anomalous, the reports
 * to publish (raises and WARNING-to-CRITICAL updates, in order), a SPIKE if any, and whether the active anomaly
 * cleared or a raise was deferred by the cooldown.
 */
public record DetectionResult(
        int tickNumber,
        double anomalyScore,
        Components components,
        @Nullable AnomalyType candidateType,
        boolean anomalous,
        List<AnomalyReport> published,
        @Nullable AnomalyReport spike,
        boolean cleared,
        boolean deferred) {

    public DetectionResult {
        if (tickNumber < 1) {
            throw new IllegalArgumentException("tickNumber must be >= 1: " + tickNumber);
        }
        Components.requireUnit("anomalyScore", anomalyScore);
        Objects.requireNonNull(components, "components must not be null");
        published = List.copyOf(published);
        if (anomalous != (candidateType != null)) {
            throw new IllegalArgumentException("candidateType is set exactly on anomalous ticks: " + candidateType);
        }
    }

    /** A warm-up tick: stored only, nothing evaluated (R3.2). */
    static DetectionResult storedOnly(int tickNumber) {
        return new DetectionResult(tickNumber, 0.0, Components.NONE, null, false, List.of(), null, false, false);
    }
}

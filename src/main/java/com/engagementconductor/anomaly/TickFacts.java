package com.engagementconductor.anomaly;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the hysteresis needs to know about one evaluated tick, and what goes into a report raised on it. */
record TickFacts(
        Instant timestamp,
        double anomalyScore,
        @Nullable AnomalyType type,
        boolean fellAtOnce,
        double currentEngagement,
        double expectedEngagement,
        Components components,
        boolean detectorWarm) {

    boolean anomalous() {
        return type != null;
    }
}

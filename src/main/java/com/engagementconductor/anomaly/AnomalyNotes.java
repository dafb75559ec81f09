package com.engagementconductor.anomaly;

import java.time.Instant;
import java.util.UUID;

/** Facts recorded with a stored anomaly after it was raised: the decisions skipped for it (behaviour R5.4). */
public interface AnomalyNotes {

    /** Records {@code {reason, at}} in the anomaly's {@code metadata.decision_skips}, after the anomaly itself. */
    void decisionSkipped(UUID anomalyId, String reason, Instant at);
}

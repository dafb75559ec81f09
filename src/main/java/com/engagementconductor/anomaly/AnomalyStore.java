package com.engagementconductor.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Persistence of anomalies (the {@code anomalies} table; SPIKEs are never stored). */
public interface AnomalyStore {

    /** Stores a raised anomaly, or updates its severity and score when it escalates. */
    void save(String sessionId, String eventId, AnomalyReport report, Map<String, Object> signals);

    /** Adds a skipped decision {@code {reason, at}} to the anomaly's {@code metadata.decision_skips} (R5.4). */
    void recordSkip(java.util.UUID anomalyId, String reason, Instant at);

    /** A session's anomalies since an instant, oldest first. */
    List<StoredAnomaly> since(String sessionId, Instant since, int limit);

    /** An anomaly as the engagement history shows it. */
    record StoredAnomaly(
            String anomalyId,
            Instant timestamp,
            String type,
            String severity,
            double anomalyScore,
            double currentEngagement,
            double expectedEngagement,
            double deviation) {}
}

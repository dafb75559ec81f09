package com.engagementconductor.anomaly.jdbc;

import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.anomaly.AnomalyStore;
import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code anomalies} table: one row per raised anomaly, updated in place when it escalates. */
@Repository
class JdbcAnomalies implements AnomalyStore {
    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final JsonMapper mapper;

    JdbcAnomalies(JdbcClient jdbc, JsonColumns json, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void save(String sessionId, String eventId, AnomalyReport r, Map<String, Object> signals) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("signed_deviation", r.signedDeviation());
        metadata.put(
                "components",
                Map.of(
                        "band", r.components().band(),
                        "drift", r.components().drift(),
                        "hst", r.components().hst(),
                        "evidence", r.components().evidence()));
        metadata.put("detector_warm", r.detectorWarm());
        metadata.put("decision_skips", List.of());
        if (r.kind() == AnomalyReport.Kind.ESCALATED) {
            int updated = jdbc.sql("UPDATE anomalies SET severity = ?, anomaly_score = ? WHERE id = ?")
                    .params(r.severity().name(), r.anomalyScore(), r.anomalyId())
                    .update();
            if (updated > 0) {
                return;
            }
        }
        jdbc.sql("INSERT INTO anomalies (id, session_id, event_id, timestamp, anomaly_type, severity, anomaly_score,"
                        + " current_engagement, expected_engagement, deviation, signals, metadata) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json.parameter() + ", " + json.parameter() + ")")
                .params(
                        r.anomalyId(),
                        sessionId,
                        eventId,
                        SqlTimes.param(r.timestamp()),
                        r.type().name(),
                        r.severity().name(),
                        r.anomalyScore(),
                        r.currentEngagement(),
                        r.expectedEngagement(),
                        r.deviation(),
                        mapper.writeValueAsString(signals),
                        mapper.writeValueAsString(metadata))
                .update();
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public void recordSkip(java.util.UUID anomalyId, String reason, Instant at) {
        String metadata = jdbc.sql("SELECT metadata FROM anomalies WHERE id = ? FOR UPDATE")
                .param(anomalyId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (metadata == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>(
                mapper.readValue(metadata, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {}));
        List<Object> skips = new java.util.ArrayList<>(m.get("decision_skips") instanceof List<?> l ? l : List.of());
        skips.add(Map.of("reason", reason, "at", com.engagementconductor.shared.Timestamps.format(at)));
        m.put("decision_skips", skips);
        jdbc.sql("UPDATE anomalies SET metadata = " + json.parameter() + " WHERE id = ?")
                .params(mapper.writeValueAsString(m), anomalyId)
                .update();
    }

    @Override
    public List<StoredAnomaly> since(String sessionId, Instant since, int limit) {
        return jdbc.sql("SELECT id, timestamp, anomaly_type, severity, anomaly_score, current_engagement,"
                        + " expected_engagement, deviation FROM anomalies WHERE session_id = ? AND timestamp >= ?"
                        + " ORDER BY timestamp LIMIT ?")
                .params(sessionId, SqlTimes.param(since), limit)
                .query((rs, n) -> new StoredAnomaly(
                        rs.getString("id"),
                        SqlTimes.readRequired(rs, "timestamp"),
                        rs.getString("anomaly_type"),
                        rs.getString("severity"),
                        rs.getDouble("anomaly_score"),
                        rs.getDouble("current_engagement"),
                        rs.getDouble("expected_engagement"),
                        rs.getDouble("deviation")))
                .list();
    }
}

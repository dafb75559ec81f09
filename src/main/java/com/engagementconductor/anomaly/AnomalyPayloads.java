package com.engagementconductor.anomaly;

import com.engagementconductor.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code anomaly:detected} payload (contracts §8.2), also the {@code data} of {@code engagement.spike}. */
final class AnomalyPayloads {
    private AnomalyPayloads() {}

    static Map<String, Object> anomaly(
            String sessionId, String eventId, AnomalyReport r, Map<String, Object> signals, long seq) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", sessionId);
        m.put("eventId", eventId);
        m.put("timestamp", Timestamps.format(r.timestamp()));
        m.put("type", r.type().name());
        m.put("severity", r.severity().name());
        m.put("anomalyScore", r.anomalyScore());
        m.put("currentEngagement", r.currentEngagement());
        m.put("expectedEngagement", r.expectedEngagement());
        m.put("deviation", r.deviation());
        m.put("signals", signals);
        m.put("anomalyId", r.anomalyId().toString());
        m.put("signedDeviation", r.signedDeviation());
        m.put("seq", seq);
        return m;
    }

    /** The envelope of contracts §8.1 for the session channel. */
    static Map<String, Object> envelope(
            String type, String sessionId, String timestamp, long seq, Map<String, Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("session_id", sessionId);
        m.put("timestamp", timestamp);
        m.put("seq", seq);
        m.put("data", data);
        return m;
    }
}

package com.engagementconductor.intervention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of one session's interventions (contracts §4.12). A success is a record whose measured
 * {@code outcome.success} is true.
 *
 * @param byType interventions per type, in type order, types without interventions left out
 * @param successRate successful ÷ measured, 3 decimals, 0.0 when nothing was measured
 * @param averageConfidence mean confidence of the records that have one, 3 decimals, 0.0 when none has
 */
public record InterventionStats(
        String sessionId,
        long totalInterventions,
        Map<String, Long> byType,
        double successRate,
        double averageConfidence,
        long successfulInterventions) {

    public InterventionStats {
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** Computes the statistics of a session's records. */
    public static InterventionStats of(String sessionId, List<InterventionRecord> records) {
        Map<String, Long> byType = new LinkedHashMap<>();
        records.stream().map(InterventionRecord::type).sorted().forEach(t -> byType.merge(t.name(), 1L, Long::sum));
        long measured = 0;
        long successful = 0;
        double confidenceSum = 0;
        long withConfidence = 0;
        for (InterventionRecord r : records) {
            var success = r.measuredSuccess();
            if (success.isPresent()) {
                measured++;
                successful += success.get() ? 1 : 0;
            }
            if (r.confidence() != null) {
                confidenceSum += r.confidence();
                withConfidence++;
            }
        }
        return new InterventionStats(
                sessionId,
                records.size(),
                byType,
                measured == 0 ? 0.0 : round3((double) successful / measured),
                withConfidence == 0 ? 0.0 : round3(confidenceSum / withConfidence),
                successful);
    }

    /** The body of contracts §4.12; {@code successful_interventions} is always present. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_id", sessionId);
        body.put("total_interventions", totalInterventions);
        body.put("by_type", byType);
        body.put("success_rate", successRate);
        body.put("avg_confidence", averageConfidence);
        body.put("successful_interventions", successfulInterventions);
        return body;
    }

    static double round3(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}

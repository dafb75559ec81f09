package com.engagementconductor.api;

import com.engagementconductor.agent.Decision;
import com.engagementconductor.intervention.InterventionRecord;
import com.engagementconductor.scoring.EngagementMetrics.ScoreRange;
import com.engagementconductor.shared.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The intervention report of one session (contracts §4.15, behaviour R9.1, R9.2): one row per decision in every
 * state and one per manual intervention, oldest first, with the summary.
 *
 * @param anomaliesByType the session's anomalies counted per type, in order of first occurrence
 * @param engagement the session's engagement points, empty when it has none
 */
record SessionReport(
        Instant exportDate,
        String sessionId,
        String eventId,
        List<ReportRow> rows,
        Map<String, Long> anomaliesByType,
        java.util.Optional<ScoreRange> engagement) {

    SessionReport {
        Objects.requireNonNull(exportDate, "exportDate");
        Objects.requireNonNull(sessionId, "sessionId");
        rows = List.copyOf(rows);
        anomaliesByType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(anomaliesByType));
    }

    /**
     * The rows of a session: each decision with the intervention that executed it, then the interventions that
     * belong to no stored decision (manual ones have no confidence), sorted oldest first.
     */
    static List<ReportRow> rows(List<Decision> decisions, List<InterventionRecord> interventions) {
        Map<UUID, InterventionRecord> byDecision = new HashMap<>();
        for (InterventionRecord r : interventions) {
            if (r.decisionId() != null) {
                byDecision.put(r.decisionId(), r);
            }
        }
        Set<UUID> decided = new HashSet<>();
        List<ReportRow> rows = new ArrayList<>();
        for (Decision d : decisions) {
            decided.add(d.id());
            rows.add(ReportRow.of(d, byDecision.get(d.id())));
        }
        for (InterventionRecord r : interventions) {
            if (r.decisionId() == null || !decided.contains(r.decisionId())) {
                rows.add(ReportRow.of(r, r.decisionId() == null));
            }
        }
        rows.sort(Comparator.comparing(ReportRow::timestamp));
        return rows;
    }

    /** The JSON export with the names of the prior dashboard's export; numbers are numbers, {@code null} if n/a. */
    Map<String, @Nullable Object> toJson() {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("exportDate", Timestamps.format(exportDate));
        out.put("sessionId", sessionId);
        out.put("eventId", eventId);
        out.put("totalInterventions", rows.size());
        out.put("interventions", rows.stream().map(SessionReport::item).toList());
        out.put("summary", summary());
        return out;
    }

    String toCsv() {
        return ReportCsv.of(rows);
    }

    private Map<String, @Nullable Object> summary() {
        Map<String, Long> byType = new LinkedHashMap<>();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        long successes = 0;
        long measured = 0;
        double confidenceSum = 0;
        long confidences = 0;
        for (ReportRow r : rows) {
            byType.merge(r.type(), 1L, Long::sum);
            byStatus.merge(r.status(), 1L, Long::sum);
            if (r.measured()) {
                measured++;
                successes += Boolean.TRUE.equals(r.success()) ? 1 : 0;
            }
            if (r.confidence() != null) {
                confidenceSum += r.confidence();
                confidences++;
            }
        }
        Map<String, @Nullable Object> s = new LinkedHashMap<>();
        s.put("totalInterventions", rows.size());
        s.put("interventionsByType", byType);
        s.put("interventionsByStatus", byStatus);
        s.put("averageConfidence", confidences == 0 ? null : round3(confidenceSum / confidences));
        s.put("successCount", successes);
        s.put("measuredCount", measured);
        s.put("successRate", measured == 0 ? null : round3((double) successes / measured));
        s.put("averageEngagement", engagement.map(e -> round3(e.mean())).orElse(null));
        s.put("minEngagement", engagement.map(e -> round3(e.min())).orElse(null));
        s.put("maxEngagement", engagement.map(e -> round3(e.max())).orElse(null));
        s.put("anomaliesByType", anomaliesByType);
        return s;
    }

    private static Map<String, @Nullable Object> item(ReportRow r) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("timestamp", Timestamps.format(r.timestamp()));
        m.put("type", r.type());
        m.put("confidence", r.confidence());
        m.put("status", r.status());
        m.put("reasoning", r.reasoning());
        m.put("engagementBefore", r.engagementBefore());
        m.put("engagementAfter", r.engagementAfter());
        m.put("engagementDelta", r.engagementDelta());
        m.put("generationMethod", r.generationMethod());
        m.put("latencyMs", r.latencyMs());
        return m;
    }

    static double round3(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }
}

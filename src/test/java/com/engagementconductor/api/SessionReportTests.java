package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.agent.Decision;
import com.engagementconductor.agent.Resolution;
import com.engagementconductor.intervention.InterventionRecord;
import com.engagementconductor.intervention.InterventionStatus;
import com.engagementconductor.scoring.EngagementMetrics.ScoreRange;
import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SessionReportTests {
    static final Instant T0 = Instant.parse("2026-01-04T12:00:00Z");
    static final Instant EXPORTED = Instant.parse("2026-01-04T13:00:00Z");

    static Decision decision(int minute, InterventionType type, double confidence, Resolution state, String reasoning) {
        Resolution born = state == Resolution.AUTO_APPROVED || state == Resolution.HOLDOUT ? state : Resolution.PENDING;
        Instant at = T0.plusSeconds(60L * minute);
        Decision d = new Decision(
                UUID.nameUUIDFromBytes(("d" + minute).getBytes()),
                "sess_42",
                "evt_7",
                at,
                born == Resolution.PENDING ? at.plusSeconds(120) : null,
                type,
                "SUDDEN_DROP_low_medium_severe",
                confidence,
                0.5,
                reasoning,
                null,
                born);
        return state == born ? d : Decision.restore(d, state, at.plusSeconds(30), "user_9", null);
    }

    static InterventionRecord executed(
            @Nullable Decision d,
            int minute,
            InterventionType type,
            InterventionStatus status,
            @Nullable Map<String, @Nullable Object> outcome,
            @Nullable String method,
            @Nullable Integer latency,
            String reasoning) {
        Map<String, @Nullable Object> metadata = new HashMap<>();
        metadata.put("generation_method", method);
        metadata.put("latency_ms", latency);
        metadata.put("manual", d == null);
        return new InterventionRecord(
                UUID.nameUUIDFromBytes(("i" + minute).getBytes()),
                "sess_42",
                "evt_7",
                T0.plusSeconds(60L * minute + 1),
                type,
                d == null ? null : d.posteriorMean(),
                reasoning,
                status,
                d == null ? null : d.id(),
                metadata,
                outcome);
    }

    static Map<String, @Nullable Object> measured(boolean success, double before, double after, double delta) {
        Map<String, @Nullable Object> o = new LinkedHashMap<>();
        o.put("executed", true);
        o.put("success", success);
        o.put("engagement_before", before);
        o.put("engagement_after", after);
        o.put("engagement_delta", delta);
        o.put("pre_engagement", before);
        o.put("post_engagement", after);
        return o;
    }

    /** Decisions in every state, a manual broadcast, a measured success and a measured failure (delta -0.03). */
    static SessionReport fixture() {
        Decision succeeded =
                decision(1, InterventionType.POLL, 0.8, Resolution.AUTO_APPROVED, "SUDDEN_DROP (CRITICAL): poll");
        Decision notEffective =
                decision(2, InterventionType.BROADCAST, 0.6, Resolution.APPROVED, "Says \"hello\", twice");
        Decision rejected = decision(3, InterventionType.POLL, 0.5, Resolution.REJECTED, "=HYPERLINK(\"http://x\")");
        Decision pending = decision(6, InterventionType.NOTIFICATION, 0.9, Resolution.PENDING, "-1 below normal");
        Decision holdout = decision(0, InterventionType.GAMIFICATION, 0.456, Resolution.HOLDOUT, "held out");
        List<InterventionRecord> interventions = List.of(
                executed(
                        succeeded,
                        1,
                        InterventionType.POLL,
                        InterventionStatus.MEASURED,
                        measured(true, 0.31, 0.52, 0.21),
                        "template",
                        4,
                        succeeded.reasoning()),
                executed(
                        notEffective,
                        2,
                        InterventionType.BROADCAST,
                        InterventionStatus.MEASURED,
                        measured(false, 0.4, 0.37, -0.03),
                        "haiku",
                        812,
                        notEffective.reasoning()),
                executed(
                        null,
                        4,
                        InterventionType.BROADCAST,
                        InterventionStatus.DISPATCHED,
                        null,
                        null,
                        null,
                        "@speaker asked for a pulse check"));
        Map<String, Long> anomalies = new LinkedHashMap<>();
        anomalies.put("SUDDEN_DROP", 2L);
        anomalies.put("LOW_ENGAGEMENT", 1L);
        return new SessionReport(
                EXPORTED,
                "sess_42",
                "evt_7",
                SessionReport.rows(List.of(pending, rejected, notEffective, succeeded, holdout), interventions),
                anomalies,
                Optional.of(new ScoreRange(0.49111, 0.2804, 0.6655, 12)));
    }

    @Test
    void csvHasOneQuotedRowPerDecisionAndManualInterventionOldestFirst() {
        assertThat(fixture().toCsv())
                .isEqualTo("Timestamp,Type,Confidence,Status,Reasoning,Engagement Before,Engagement After,"
                        + "Engagement Delta,Generation Method,Latency (ms)\r\n"
                        + "\"2026-01-04T12:00:00.000Z\",\"GAMIFICATION\",0.46,\"HOLDOUT\",\"held out\",N/A,N/A,N/A,N/A,N/A\r\n"
                        + "\"2026-01-04T12:01:00.000Z\",\"POLL\",0.80,\"SUCCEEDED\",\"SUDDEN_DROP (CRITICAL): poll\","
                        + "0.310,0.520,0.210,\"template\",4\r\n"
                        + "\"2026-01-04T12:02:00.000Z\",\"BROADCAST\",0.60,\"NOT_EFFECTIVE\",\"Says \"\"hello\"\", twice\","
                        + "0.400,0.370,-0.030,\"haiku\",812\r\n"
                        + "\"2026-01-04T12:03:00.000Z\",\"POLL\",0.50,\"REJECTED\",\"'=HYPERLINK(\"\"http://x\"\")\","
                        + "N/A,N/A,N/A,N/A,N/A\r\n"
                        + "\"2026-01-04T12:04:01.000Z\",\"BROADCAST\",N/A,\"EXECUTED\",\"'@speaker asked for a pulse check\","
                        + "N/A,N/A,N/A,N/A,N/A\r\n"
                        + "\"2026-01-04T12:06:00.000Z\",\"NOTIFICATION\",0.90,\"PENDING\",\"'-1 below normal\","
                        + "N/A,N/A,N/A,N/A,N/A\r\n");
    }

    @Test
    void anEmptyExportIsTheHeaderLineAlone() {
        SessionReport empty = new SessionReport(EXPORTED, "s", "e", List.of(), Map.of(), Optional.empty());
        assertThat(empty.toCsv()).isEqualTo(ReportCsv.HEADER + "\r\n").doesNotStartWith("\uFEFF");
        Map<String, @Nullable Object> json = empty.toJson();
        assertThat(json).containsEntry("totalInterventions", 0).containsEntry("interventions", List.of());
        assertThat(summary(json))
                .containsEntry("averageConfidence", null)
                .containsEntry("successCount", 0L)
                .containsEntry("measuredCount", 0L)
                .containsEntry("successRate", null)
                .containsEntry("averageEngagement", null)
                .containsEntry("minEngagement", null)
                .containsEntry("maxEngagement", null);
    }

    @Test
    void formulaLikeTextGetsALeadingApostropheInsideTheQuotes() {
        assertThat(ReportCsv.text("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(ReportCsv.text("+1")).isEqualTo("\"'+1\"");
        assertThat(ReportCsv.text("-1")).isEqualTo("\"'-1\"");
        assertThat(ReportCsv.text("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ReportCsv.text("\tx")).isEqualTo("\"'\tx\"");
        assertThat(ReportCsv.text("\rx")).isEqualTo("\"'\rx\"");
        assertThat(ReportCsv.text("a=1")).isEqualTo("\"a=1\"");
        assertThat(ReportCsv.decimal(-0.0001, 3)).isEqualTo("0.000");
        assertThat(ReportCsv.decimal(0.125, 2)).isEqualTo("0.13");
    }

    @Test
    void jsonRowsKeepNumbersAsNumbersAndNullWhereNothingApplies() {
        Map<String, @Nullable Object> json = fixture().toJson();
        assertThat(json.keySet())
                .containsExactly(
                        "exportDate", "sessionId", "eventId", "totalInterventions", "interventions", "summary");
        assertThat(json)
                .containsEntry("exportDate", "2026-01-04T13:00:00.000Z")
                .containsEntry("sessionId", "sess_42")
                .containsEntry("eventId", "evt_7")
                .containsEntry("totalInterventions", 6);
        List<?> rows = (List<?>) json.get("interventions");
        assertThat(rows.stream().map(r -> String.valueOf(((Map<?, ?>) r).get("status"))))
                .containsExactly("HOLDOUT", "SUCCEEDED", "NOT_EFFECTIVE", "REJECTED", "EXECUTED", "PENDING");
        Map<String, Object> notEffective = new LinkedHashMap<>();
        notEffective.put("timestamp", "2026-01-04T12:02:00.000Z");
        notEffective.put("type", "BROADCAST");
        notEffective.put("confidence", 0.6);
        notEffective.put("status", "NOT_EFFECTIVE");
        notEffective.put("reasoning", "Says \"hello\", twice");
        notEffective.put("engagementBefore", 0.4);
        notEffective.put("engagementAfter", 0.37);
        notEffective.put("engagementDelta", -0.03);
        notEffective.put("generationMethod", "haiku");
        notEffective.put("latencyMs", 812L);
        assertThat(rows.get(2)).isEqualTo(notEffective);
        Map<?, ?> manual = (Map<?, ?>) rows.get(4);
        assertThat(manual.get("confidence")).isNull();
        assertThat(manual.get("engagementBefore")).isNull();
        assertThat(manual.get("generationMethod")).isNull();
        assertThat(manual.get("latencyMs")).isNull();
    }

    @Test
    void summaryCountsMeasuredSuccessesAndEngagementOfTheSession() {
        Map<String, Object> s = summary(fixture().toJson());
        assertThat(s.keySet())
                .containsExactly(
                        "totalInterventions",
                        "interventionsByType",
                        "interventionsByStatus",
                        "averageConfidence",
                        "successCount",
                        "measuredCount",
                        "successRate",
                        "averageEngagement",
                        "minEngagement",
                        "maxEngagement",
                        "anomaliesByType");
        assertThat(s)
                .containsEntry("totalInterventions", 6)
                .containsEntry(
                        "interventionsByType",
                        Map.of("GAMIFICATION", 1L, "POLL", 2L, "BROADCAST", 2L, "NOTIFICATION", 1L))
                .containsEntry("averageConfidence", 0.651) // (0.456 + 0.8 + 0.6 + 0.5 + 0.9) / 5 = 0.6512
                .containsEntry("successCount", 1L)
                .containsEntry("measuredCount", 2L)
                .containsEntry("successRate", 0.5)
                .containsEntry("averageEngagement", 0.491)
                .containsEntry("minEngagement", 0.28)
                .containsEntry("maxEngagement", 0.666)
                .containsEntry("anomaliesByType", Map.of("SUDDEN_DROP", 2L, "LOW_ENGAGEMENT", 1L));
        assertThat(((Map<?, ?>) s.get("interventionsByStatus"))
                        .keySet().stream().map(Object::toString))
                .containsExactly("HOLDOUT", "SUCCEEDED", "NOT_EFFECTIVE", "REJECTED", "EXECUTED", "PENDING");
    }

    @Test
    void fiveRecordsOfTvE1GiveTwoSuccessesOfThreeMeasured() {
        Decision s1 = decision(1, InterventionType.POLL, 0.8, Resolution.AUTO_APPROVED, "a");
        Decision s2 = decision(2, InterventionType.POLL, 0.7, Resolution.APPROVED, "b");
        Decision failed = decision(3, InterventionType.POLL, 0.6, Resolution.AUTO_APPROVED, "c");
        Decision rejected = decision(4, InterventionType.POLL, 0.5, Resolution.REJECTED, "d");
        Decision pending = decision(5, InterventionType.POLL, 0.9, Resolution.PENDING, "e");
        List<InterventionRecord> records = List.of(
                executed(
                        s1,
                        1,
                        InterventionType.POLL,
                        InterventionStatus.MEASURED,
                        measured(true, 0.3, 0.4, 0.1),
                        "template",
                        3,
                        "a"),
                executed(
                        s2,
                        2,
                        InterventionType.POLL,
                        InterventionStatus.MEASURED,
                        measured(true, 0.3, 0.5, 0.2),
                        "template",
                        3,
                        "b"),
                executed(
                        failed,
                        3,
                        InterventionType.POLL,
                        InterventionStatus.MEASURED,
                        measured(false, 0.3, 0.3, 0.0),
                        "template",
                        3,
                        "c"));
        SessionReport report = new SessionReport(
                EXPORTED,
                "sess_42",
                "evt_7",
                SessionReport.rows(List.of(s1, s2, failed, rejected, pending), records),
                Map.of(),
                Optional.empty());
        Map<String, Object> s = summary(report.toJson());
        assertThat(s)
                .containsEntry("successCount", 2L)
                .containsEntry("measuredCount", 3L)
                .containsEntry("successRate", 0.667)
                .containsEntry("averageConfidence", 0.7)
                .containsEntry(
                        "interventionsByStatus",
                        Map.of("SUCCEEDED", 2L, "NOT_EFFECTIVE", 1L, "REJECTED", 1L, "PENDING", 1L));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Map<String, @Nullable Object> json) {
        return (Map<String, Object>) json.get("summary");
    }
}

package com.engagementconductor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.anomaly.AnomalyStore;
import com.engagementconductor.anomaly.AnomalyType;
import com.engagementconductor.anomaly.Components;
import com.engagementconductor.anomaly.Severity;
import com.engagementconductor.scoring.EngagementCategory;
import com.engagementconductor.scoring.EngagementMetrics;
import com.engagementconductor.scoring.MetricRow;
import com.engagementconductor.scoring.Score;
import com.engagementconductor.scoring.ScoreVersion;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionStore;
import com.engagementconductor.signals.SignalsSnapshot;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repositories against a real database, run on H2 ({@link RepositoriesH2Tests}) and on PostgreSQL
 * ({@link RepositoriesPostgresIT}) with the same migrations and the same assertions.
 */
@SpringBootTest(
        properties = {"conductor.security.jwt-secret=" + TestTokens.SECRET, "conductor.scoring.auto-start=false"})
@Import(ConductorTestConfiguration.class)
abstract class RepositoryContract {
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    SessionStore sessions;

    @Autowired
    EngagementMetrics metrics;

    @Autowired
    AnomalyStore anomalies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    com.engagementconductor.agent.LearningStore learning;

    private static SessionInfo session(String id, String org, Instant created) {
        return new SessionInfo(
                id, "evt_r", org, "Keynote", "Costs", "{\"room\":\"A\"}", "MANUAL", "IDLE", false, created, null);
    }

    @Test
    void sessionsRoundTripAndPage() {
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            sessions.insert(session(prefix + "_" + i, prefix + "_org", T.plusSeconds(i)));
        }
        SessionInfo stored = sessions.find(prefix + "_0").orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(T);
        assertThat(json.readTree(stored.metadata()).path("room").asString()).isEqualTo("A");
        assertThat(stored.orgId()).isEqualTo(prefix + "_org");

        SessionInfo ended = new SessionInfo(
                stored.id(),
                "evt_r2",
                stored.orgId(),
                "New",
                null,
                null,
                "AUTO",
                "IDLE",
                false,
                stored.createdAt(),
                T.plusSeconds(60));
        sessions.update(ended);
        assertThat(sessions.find(stored.id()).orElseThrow()).isEqualTo(ended);

        SessionStore.Page page = sessions.list(prefix + "_org", false, null, true, 2, 1);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.sessions()).extracting(SessionInfo::id).containsExactly(prefix + "_3", prefix + "_2");
        assertThat(sessions.list(prefix + "_org", false, null, false, 10, 0).sessions())
                .extracting(SessionInfo::id)
                .containsExactly(stored.id());
        assertThat(sessions.list(prefix + "_other", false, null, null, 10, 0).total())
                .isZero();
        assertThat(sessions.unended())
                .extracting(SessionInfo::id)
                .contains(prefix + "_1")
                .doesNotContain(stored.id());
    }

    @Test
    void eventSettingsGiveTheOwnerAndDefaultMode() {
        jdbc.sql("INSERT INTO event_agent_settings (event_id, org_id, agent_mode, created_at, updated_at)"
                        + " VALUES ('evt_settings', 'org_s', 'SEMI_AUTO', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .update();
        SessionStore.EventOwnership o = sessions.eventSettings("evt_settings").orElseThrow();
        assertThat(o.orgId()).isEqualTo("org_s");
        assertThat(o.agentMode()).isEqualTo("SEMI_AUTO");
        assertThat(sessions.eventSettings("evt_none")).isEmpty();
        Map<String, Object> defaults = jdbc.sql(
                        "SELECT max_interventions_per_hour, auto_approve_threshold,"
                                + " approval_timeout_seconds, agent_enabled FROM event_agent_settings WHERE event_id = 'evt_settings'")
                .query()
                .singleRow();
        assertThat(((Number) defaults.get("max_interventions_per_hour")).intValue())
                .isEqualTo(10);
        assertThat(((Number) defaults.get("auto_approve_threshold")).doubleValue())
                .isEqualTo(0.75);
        assertThat(((Number) defaults.get("approval_timeout_seconds")).intValue())
                .isEqualTo(120);
        assertThat(defaults.get("agent_enabled")).isEqualTo(true);
    }

    @Test
    void engagementPointsAreBatchedAndReadOldestFirst() {
        String id = "m" + UUID.randomUUID().toString().substring(0, 8);
        for (int k = 0; k < 4; k++) {
            SignalsSnapshot s = new SignalsSnapshot(
                    T.plusSeconds(5L * k), 48, 50, 3, 1, 2, 4, 9, 8, k % 2 == 0, 0.25, 0, 2, 0.04, false);
            Score score =
                    new Score(ScoreVersion.V2, 0.31 + k / 100.0, 0.4, EngagementCategory.LOW, 0.5, 0.4, 0.3, 0.04);
            metrics.append(new MetricRow(id, "evt_m", T.plusSeconds(5L * k), s, score));
        }
        metrics.flush();
        List<EngagementMetrics.StoredPoint> points = metrics.recent(id, T.plusSeconds(5), 2);
        assertThat(points)
                .extracting(EngagementMetrics.StoredPoint::timestamp)
                .containsExactly(T.plusSeconds(10), T.plusSeconds(15));
        EngagementMetrics.StoredPoint last = points.get(1);
        assertThat(last.score()).isCloseTo(0.34, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(last.category()).isEqualTo("LOW");
        assertThat(last.formula()).isEqualTo("v2");
        assertThat(last.signals())
                .containsEntry("chat_msgs_per_min", 3.0)
                .containsEntry("active_users", 9)
                .containsEntry("total_users", 48)
                .containsEntry("poll_open", false)
                .containsEntry("spontaneous_active_users", 8);
        Map<String, Object> row = jdbc.sql(
                        "SELECT event_id, user_leave_rate FROM engagement_metrics WHERE session_id = ?"
                                + " ORDER BY time LIMIT 1")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.get("event_id")).isEqualTo("evt_m");
        assertThat(((Number) row.get("user_leave_rate")).doubleValue()).isEqualTo(0.04);
        String extra = jdbc.sql("SELECT extra_data FROM engagement_metrics WHERE session_id = ? ORDER BY time LIMIT 1")
                .param(id)
                .query(String.class)
                .single();
        JsonNode extraJson = json.readTree(extra);
        assertThat(extraJson.isObject())
                .as("stored as a JSON object, not a string")
                .isTrue();
        assertThat(extraJson.path("detection_score").asDouble()).isEqualTo(0.4);
        assertThat(extraJson.path("partial_window").asBoolean()).isFalse();
    }

    @Test
    void aRefusedRowDoesNotHoldBackTheOthers() {
        String id = "d" + UUID.randomUUID().toString().substring(0, 8);
        Score score = new Score(ScoreVersion.V2, 0.5, 0.5, EngagementCategory.LOW, 0.5, 0.4, 0.3, 0.04);
        java.util.function.IntFunction<MetricRow> at = k -> new MetricRow(
                id,
                "evt_d",
                T.plusSeconds(5L * k),
                new SignalsSnapshot(T.plusSeconds(5L * k), 48, 50, 3, 1, 2, 4, 9, 8, false, 0.25, 0, 2, 0.04, false),
                score);
        metrics.append(at.apply(0));
        metrics.flush();
        metrics.append(at.apply(1));
        metrics.append(at.apply(0)); // the same session and time again, as after a replay
        metrics.append(at.apply(2));
        metrics.flush();
        metrics.append(at.apply(3));
        metrics.flush();

        assertThat(metrics.recent(id, T, 10))
                .extracting(EngagementMetrics.StoredPoint::timestamp)
                .containsExactly(T, T.plusSeconds(5), T.plusSeconds(10), T.plusSeconds(15));
    }

    @Test
    void holdoutCasesAreCountedPerScopeAndPerAnomalyType() {
        String ctx = "GRADUAL_DECLINE_low_" + UUID.randomUUID().toString().substring(0, 6) + "_mild";
        for (int i = 0; i < 3; i++) {
            learning.holdoutCase(UUID.randomUUID().toString(), "evt_h1", "org_h", ctx, "GRADUAL_DECLINE", 0.1, T);
        }
        learning.holdoutCase(UUID.randomUUID().toString(), "evt_h2", "org_h", ctx, "GRADUAL_DECLINE", 0.3, T);
        learning.holdoutCase(UUID.randomUUID().toString(), "evt_h3", "org_x", ctx, "GRADUAL_DECLINE", 0.5, T);
        com.engagementconductor.agent.LearningStore.HoldoutBaseline b =
                learning.holdoutBaseline("evt_h1", "org_h", ctx, "GRADUAL_DECLINE");
        assertThat(b.event().count()).isEqualTo(3);
        assertThat(b.event().mean()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(b.org().count()).isEqualTo(4);
        assertThat(b.org().mean()).isCloseTo(0.15, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(b.global().count()).isEqualTo(5);
        assertThat(b.anomalyType().count()).isGreaterThanOrEqualTo(5);
        assertThat(b.exists()).isTrue();
        assertThat(learning.holdoutBaseline("evt_h1", null, ctx, "GRADUAL_DECLINE")
                        .org()
                        .count())
                .isZero();
    }

    @Test
    void anomaliesAreStoredAndEscalatedInPlace() {
        String id = "a" + UUID.randomUUID().toString().substring(0, 8);
        UUID anomalyId = UUID.randomUUID();
        Instant at = T.plus(3, ChronoUnit.MINUTES);
        AnomalyReport raised = new AnomalyReport(
                anomalyId,
                AnomalyReport.Kind.RAISED,
                at,
                AnomalyType.SUDDEN_DROP,
                Severity.WARNING,
                0.7,
                0.31,
                0.58,
                new Components(0.7, 0.2, 0, 0),
                false);
        anomalies.save(id, "evt_a", raised, Map.of("total_users", 48));
        AnomalyReport escalated = new AnomalyReport(
                anomalyId,
                AnomalyReport.Kind.ESCALATED,
                at.plusSeconds(5),
                AnomalyType.SUDDEN_DROP,
                Severity.CRITICAL,
                0.85,
                0.25,
                0.58,
                new Components(0.85, 0.3, 0, 0),
                false);
        anomalies.save(id, "evt_a", escalated, Map.of("total_users", 48));
        List<AnomalyStore.StoredAnomaly> stored = anomalies.since(id, T, 10);
        assertThat(stored).hasSize(1);
        AnomalyStore.StoredAnomaly a = stored.get(0);
        assertThat(a.anomalyId()).isEqualTo(anomalyId.toString());
        assertThat(a.severity()).isEqualTo("CRITICAL");
        assertThat(a.anomalyScore()).isEqualTo(0.85);
        assertThat(a.deviation()).isCloseTo(0.27, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(a.timestamp()).isEqualTo(at);
        String metadata = jdbc.sql("SELECT metadata FROM anomalies WHERE id = ?")
                .param(anomalyId)
                .query(String.class)
                .single();
        assertThat(json.readTree(metadata).path("signed_deviation").asDouble())
                .isCloseTo(-0.27, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(anomalies.since(id, at.plusSeconds(1), 10)).isEmpty();
        anomalies.recordSkip(anomalyId, "RATE_LIMITED", at.plusSeconds(5));
        anomalies.recordSkip(anomalyId, "NO_ELIGIBLE_ARM", at.plusSeconds(10));
        JsonNode skips = json.readTree(jdbc.sql("SELECT metadata FROM anomalies WHERE id = ?")
                        .param(anomalyId)
                        .query(String.class)
                        .single())
                .path("decision_skips");
        assertThat(skips.size()).isEqualTo(2);
        assertThat(skips.get(0).path("reason").asString()).isEqualTo("RATE_LIMITED");
        assertThat(skips.get(1).path("at").asString()).endsWith("Z");
    }
}

package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.agent.Decision;
import com.engagementconductor.agent.DecisionStore;
import com.engagementconductor.agent.Resolution;
import com.engagementconductor.intervention.InterventionRecord;
import com.engagementconductor.intervention.InterventionStatus;
import com.engagementconductor.intervention.InterventionStore;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:export_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class ExportApiTests {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    DecisionStore decisions;

    @Autowired
    InterventionStore interventions;

    @Autowired
    JdbcClient jdbc;

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private void register(String sessionId) throws Exception {
        mvc.perform(post("/api/v1/agent/sessions/register")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"evt_exp\",\"session_id\":\"" + sessionId + "\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    private ResultActions export(String token, String sessionId, @Nullable String format) throws Exception {
        var request = get("/api/v1/sessions/" + sessionId + "/export").header("Authorization", "Bearer " + token);
        return mvc.perform(format == null ? request : request.param("format", format));
    }

    private Decision decide(
            String sessionId, int minute, InterventionType type, double mean, Resolution state, String why) {
        Resolution born = state == Resolution.AUTO_APPROVED || state == Resolution.HOLDOUT ? state : Resolution.PENDING;
        Instant at = T0.plusSeconds(60L * minute);
        Decision d = new Decision(
                UUID.randomUUID(),
                sessionId,
                "evt_exp",
                at,
                born == Resolution.PENDING ? at.plusSeconds(120) : null,
                type,
                "SUDDEN_DROP_low_medium_severe",
                mean,
                0.4,
                why,
                null,
                born);
        decisions.insert(d);
        if (state != born) {
            assertThat(decisions.resolve(d.id(), state, at.plusSeconds(20), "user_9", null))
                    .isTrue();
        }
        return d;
    }

    private void execute(
            String sessionId,
            @Nullable Decision d,
            int minute,
            InterventionType type,
            InterventionStatus status,
            @Nullable Map<String, @Nullable Object> outcome,
            String reasoning) {
        Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
        metadata.put("generation_method", d == null ? null : "template");
        metadata.put("latency_ms", d == null ? null : 4);
        metadata.put("manual", d == null);
        interventions.insert(new InterventionRecord(
                UUID.randomUUID(),
                sessionId,
                "evt_exp",
                T0.plusSeconds(60L * minute + 1),
                type,
                d == null ? null : d.posteriorMean(),
                reasoning,
                status,
                d == null ? null : d.id(),
                metadata,
                outcome));
    }

    private static Map<String, @Nullable Object> measured(boolean success, double before, double after, double delta) {
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

    private void score(String sessionId, int minute, double score) {
        jdbc.sql("INSERT INTO engagement_metrics (time, session_id, event_id, engagement_score) VALUES (?, ?, ?, ?)")
                .params(Timestamp.from(T0.plusSeconds(60L * minute)), sessionId, "evt_exp", score)
                .update();
    }

    private void anomaly(String sessionId, int minute, String type) {
        jdbc.sql("INSERT INTO anomalies (id, session_id, event_id, timestamp, anomaly_type, severity, anomaly_score,"
                        + " current_engagement, expected_engagement, deviation) VALUES (?, ?, ?, ?, ?, 'CRITICAL', 0.8,"
                        + " 0.3, 0.6, 0.3)")
                .params(UUID.randomUUID(), sessionId, "evt_exp", Timestamp.from(T0.plusSeconds(60L * minute)), type)
                .update();
    }

    /** Decisions in all eight states, two measured executions, a manual broadcast, scores and anomalies. */
    private void fixture(String sessionId) throws Exception {
        register(sessionId);
        Decision success =
                decide(sessionId, 1, InterventionType.POLL, 0.8, Resolution.AUTO_APPROVED, "SUDDEN_DROP (CRITICAL)");
        execute(
                sessionId,
                success,
                1,
                InterventionType.POLL,
                InterventionStatus.MEASURED,
                measured(true, 0.31, 0.52, 0.21),
                "x");
        Decision flat = decide(sessionId, 2, InterventionType.BROADCAST, 0.6, Resolution.APPROVED, "Say \"hi\"");
        execute(
                sessionId,
                flat,
                2,
                InterventionType.BROADCAST,
                InterventionStatus.MEASURED,
                measured(false, 0.4, 0.37, -0.03),
                "y");
        decide(sessionId, 3, InterventionType.POLL, 0.5, Resolution.REJECTED, "=cmd|' /C calc'!A0");
        decide(sessionId, 4, InterventionType.POLL, 0.7, Resolution.EXPIRED, "expired");
        decide(sessionId, 5, InterventionType.NOTIFICATION, 0.65, Resolution.SUPERSEDED, "superseded");
        decide(sessionId, 6, InterventionType.GAMIFICATION, 0.55, Resolution.CANCELLED, "cancelled");
        decide(sessionId, 7, InterventionType.POLL, 0.42, Resolution.HOLDOUT, "held out");
        execute(sessionId, null, 8, InterventionType.BROADCAST, InterventionStatus.EXECUTED, null, "Speaker asked");
        decide(sessionId, 9, InterventionType.POLL, 0.9, Resolution.PENDING, "pending");
        score(sessionId, 0, 0.6);
        score(sessionId, 1, 0.3);
        score(sessionId, 2, 0.5);
        score(sessionId, 3, 0.4);
        anomaly(sessionId, 1, "SUDDEN_DROP");
        anomaly(sessionId, 5, "LOW_ENGAGEMENT");
        anomaly(sessionId, 8, "SUDDEN_DROP");
    }

    @Test
    void jsonExportListsEveryDecisionStateAndTheManualInterventionWithExactSummary() throws Exception {
        fixture("exp_json");
        export(tokens.read(), "exp_json", null)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"intervention-report-exp_json.json\""))
                .andExpect(jsonPath("$.exportDate").value("2026-03-01T10:00:00.000Z"))
                .andExpect(jsonPath("$.sessionId").value("exp_json"))
                .andExpect(jsonPath("$.eventId").value("evt_exp"))
                .andExpect(jsonPath("$.totalInterventions").value(9))
                .andExpect(jsonPath("$.interventions[*].status")
                        .value(contains(
                                "SUCCEEDED",
                                "NOT_EFFECTIVE",
                                "REJECTED",
                                "EXPIRED",
                                "SUPERSEDED",
                                "CANCELLED",
                                "HOLDOUT",
                                "EXECUTED",
                                "PENDING")))
                .andExpect(jsonPath("$.interventions[0].timestamp").value("2026-03-01T09:01:00.000Z"))
                .andExpect(jsonPath("$.interventions[0].type").value("POLL"))
                .andExpect(jsonPath("$.interventions[0].confidence").value(0.8))
                .andExpect(jsonPath("$.interventions[0].engagementBefore").value(0.31))
                .andExpect(jsonPath("$.interventions[0].engagementAfter").value(0.52))
                .andExpect(jsonPath("$.interventions[0].engagementDelta").value(0.21))
                .andExpect(jsonPath("$.interventions[0].generationMethod").value("template"))
                .andExpect(jsonPath("$.interventions[0].latencyMs").value(4))
                .andExpect(jsonPath("$.interventions[1].engagementDelta").value(-0.03))
                .andExpect(jsonPath("$.interventions[2].reasoning").value("=cmd|' /C calc'!A0"))
                .andExpect(jsonPath("$.interventions[2].engagementBefore").isEmpty())
                .andExpect(jsonPath("$.interventions[7].timestamp").value("2026-03-01T09:08:01.000Z"))
                .andExpect(jsonPath("$.interventions[7].type").value("BROADCAST"))
                .andExpect(jsonPath("$.interventions[7].confidence").isEmpty())
                .andExpect(jsonPath("$.interventions[7].reasoning").value("Speaker asked"))
                .andExpect(jsonPath("$.summary.totalInterventions").value(9))
                .andExpect(jsonPath("$.summary.interventionsByType.POLL").value(5))
                .andExpect(jsonPath("$.summary.interventionsByType.BROADCAST").value(2))
                .andExpect(
                        jsonPath("$.summary.interventionsByType.NOTIFICATION").value(1))
                .andExpect(
                        jsonPath("$.summary.interventionsByType.GAMIFICATION").value(1))
                .andExpect(jsonPath("$.summary.interventionsByStatus.HOLDOUT").value(1))
                .andExpect(jsonPath("$.summary.averageConfidence").value(0.64))
                .andExpect(jsonPath("$.summary.successCount").value(1))
                .andExpect(jsonPath("$.summary.measuredCount").value(2))
                .andExpect(jsonPath("$.summary.successRate").value(0.5))
                .andExpect(jsonPath("$.summary.averageEngagement").value(0.45))
                .andExpect(jsonPath("$.summary.minEngagement").value(0.3))
                .andExpect(jsonPath("$.summary.maxEngagement").value(0.6))
                .andExpect(jsonPath("$.summary.anomaliesByType.SUDDEN_DROP").value(2))
                .andExpect(jsonPath("$.summary.anomaliesByType.LOW_ENGAGEMENT").value(1));
        String body = export(tokens.read(), "exp_json", "json")
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body)
                .contains("\"engagementBefore\":null", "\"successRate\":0.5", "\"confidence\":0.8,")
                .doesNotContain("\"0.8\"");
    }

    @Test
    void csvExportIsTheExactRfc4180TextWithNotApplicableCellsAndDefusedFormulas() throws Exception {
        fixture("exp_csv");
        String na = ",N/A,N/A,N/A,N/A,N/A\r\n";
        var response = export(tokens.org(), "exp_csv", "csv")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"intervention-report-exp_csv.csv\""))
                .andReturn()
                .getResponse();
        assertThat(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8))
                .isEqualTo("Timestamp,Type,Confidence,Status,Reasoning,Engagement Before,Engagement After,"
                        + "Engagement Delta,Generation Method,Latency (ms)\r\n"
                        + "\"2026-03-01T09:01:00.000Z\",\"POLL\",0.80,\"SUCCEEDED\",\"SUDDEN_DROP (CRITICAL)\","
                        + "0.310,0.520,0.210,\"template\",4\r\n"
                        + "\"2026-03-01T09:02:00.000Z\",\"BROADCAST\",0.60,\"NOT_EFFECTIVE\",\"Say \"\"hi\"\"\","
                        + "0.400,0.370,-0.030,\"template\",4\r\n"
                        + "\"2026-03-01T09:03:00.000Z\",\"POLL\",0.50,\"REJECTED\",\"'=cmd|' /C calc'!A0\"" + na
                        + "\"2026-03-01T09:04:00.000Z\",\"POLL\",0.70,\"EXPIRED\",\"expired\"" + na
                        + "\"2026-03-01T09:05:00.000Z\",\"NOTIFICATION\",0.65,\"SUPERSEDED\",\"superseded\"" + na
                        + "\"2026-03-01T09:06:00.000Z\",\"GAMIFICATION\",0.55,\"CANCELLED\",\"cancelled\"" + na
                        + "\"2026-03-01T09:07:00.000Z\",\"POLL\",0.42,\"HOLDOUT\",\"held out\"" + na
                        + "\"2026-03-01T09:08:01.000Z\",\"BROADCAST\",N/A,\"EXECUTED\",\"Speaker asked\"" + na
                        + "\"2026-03-01T09:09:00.000Z\",\"POLL\",0.90,\"PENDING\",\"pending\"" + na);
    }

    @Test
    void aSessionWithoutDecisionsExportsTheHeaderLineAlone() throws Exception {
        register("exp_empty");
        var response = export(tokens.org(), "exp_empty", "csv")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsByteArray())
                .isEqualTo((ReportCsv.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        export(tokens.org(), "exp_empty", "json")
                .andExpect(jsonPath("$.totalInterventions").value(0))
                .andExpect(jsonPath("$.summary.successRate").isEmpty())
                .andExpect(jsonPath("$.summary.averageConfidence").isEmpty())
                .andExpect(jsonPath("$.summary.averageEngagement").isEmpty());
    }

    @Test
    void exportNeedsTheReadPermissionAndTheSessionsOrganization() throws Exception {
        register("exp_perm");
        export(tokens.attendee(), "exp_perm", "json")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        export(tokens.other(), "exp_perm", "csv")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        export(tokens.read(), "exp_perm", "csv").andExpect(status().isOk());
        export(tokens.org(), "exp_perm", "json").andExpect(status().isOk());
        export(
                        tokens.signClaims(Map.of(
                                "sub",
                                "admin_1",
                                "orgId",
                                "org_platform",
                                "permissions",
                                List.of("dashboard:read:live"),
                                "isPlatformAdmin",
                                true,
                                "exp",
                                clock.instant().getEpochSecond() + 3600)),
                        "exp_perm",
                        "json")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/sessions/exp_perm/export"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }

    @Test
    void unknownSessionsBadFormatsAndBadIdsAreProblems() throws Exception {
        register("exp_bad");
        export(tokens.read(), "exp_nobody", "csv")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("session_not_found"));
        export(tokens.read(), "exp_bad", "xml")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        export(tokens.read(), "exp_bad", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        export(tokens.read(), "exp.bad", "json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("session_id"));
        // the permission check comes before validation (contracts §3.5)
        export(tokens.attendee(), "exp.bad", "xml").andExpect(status().isForbidden());
    }
}

package com.engagementconductor.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/events/{event_id}/uplift} (contracts §4.19, behaviour R7.6) over stored decisions. */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:uplift_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class UpliftApiTests {
    private static final String CONTEXT = "SUDDEN_DROP_low_medium_severe";
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonColumns json;

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private void claim(String eventId) throws Exception {
        mvc.perform(put("/api/v1/agent/events/" + eventId + "/settings")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"holdout_fraction\":0.3}"))
                .andExpect(status().isOk());
    }

    private UUID decision(String eventId, String arm, String context, boolean holdout) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO decisions (id, session_id, created_at, intervention_type, context_key, resolution,"
                        + " event_id, auto_approved, holdout) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        "s_" + eventId,
                        AT,
                        arm,
                        context,
                        holdout ? "HOLDOUT" : "AUTO_APPROVED",
                        eventId,
                        !holdout,
                        holdout)
                .update();
        return id;
    }

    private void treated(String eventId, String arm, String context, double delta, String status) {
        UUID decision = decision(eventId, arm, context, false);
        jdbc.sql("INSERT INTO interventions (id, session_id, timestamp, type, outcome, decision_id, event_id, status)"
                        + " VALUES (?, ?, ?, ?, " + json.parameter() + ", ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        "s_" + eventId,
                        AT,
                        arm,
                        "{\"success\":true,\"engagement_delta\":" + delta + "}",
                        decision,
                        eventId,
                        status)
                .update();
    }

    private void holdout(String eventId, String arm, String context, double delta) {
        UUID decision = decision(eventId, arm, context, true);
        jdbc.sql("INSERT INTO holdout_cases (decision_id, event_id, org_id, context_key, anomaly_type, delta,"
                        + " measured_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(decision, eventId, "org_test", context, "SUDDEN_DROP", delta, AT)
                .update();
    }

    /** n values with this mean and sample standard deviation. */
    private static List<Double> sample(int n, double mean, double sd) {
        int pairs = n / 2;
        double a = sd * Math.sqrt((n - 1) / (2.0 * pairs));
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            values.add(mean + a);
            values.add(mean - a);
        }
        if (n % 2 == 1) {
            values.add(mean);
        }
        return values;
    }

    @Test
    void tvL4ThroughTheEndpoint() throws Exception {
        claim("evt_tvl4");
        sample(40, 0.11, 0.08).forEach(d -> treated("evt_tvl4", "POLL", CONTEXT, d, "MEASURED"));
        sample(25, 0.04, 0.06).forEach(d -> holdout("evt_tvl4", "POLL", CONTEXT, d));
        treated("evt_tvl4", "POLL", CONTEXT, 0.9, "EXECUTED"); // not measured yet: not counted
        treated("evt_other_event", "POLL", CONTEXT, 0.9, "MEASURED");

        mvc.perform(get("/api/v1/events/evt_tvl4/uplift").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "{\"event_id\":\"evt_tvl4\",\"arms\":[{\"intervention_type\":\"POLL\",\"context_key\":null,"
                                        + "\"treated_n\":40,\"treated_mean\":0.11,\"holdout_n\":25,\"holdout_mean\":0.04,"
                                        + "\"uplift\":0.07,\"ci_low\":0.036,\"ci_high\":0.104}],"
                                        + "\"contexts\":[{\"intervention_type\":\"POLL\",\"context_key\":\"" + CONTEXT
                                        + "\",\"treated_n\":40,\"treated_mean\":0.11,\"holdout_n\":25,"
                                        + "\"holdout_mean\":0.04,\"uplift\":0.07,\"ci_low\":0.036,\"ci_high\":0.104}]}",
                                JsonCompareMode.STRICT));
    }

    @Test
    void fewerThanTwoCasesGiveNullUpliftAndEachContextIsReported() throws Exception {
        claim("evt_small");
        treated("evt_small", "POLL", CONTEXT, 0.09, "MEASURED");
        treated("evt_small", "POLL", CONTEXT, 0.11, "MEASURED");
        treated("evt_small", "POLL", "SUDDEN_DROP_critical_large_mild", 0.05, "MEASURED");
        holdout("evt_small", "POLL", CONTEXT, 0.02);

        mvc.perform(get("/api/v1/events/evt_small/uplift").header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.arms.length()").value(1))
                .andExpect(jsonPath("$.arms[0].treated_n").value(3))
                .andExpect(jsonPath("$.arms[0].treated_mean").value(0.083))
                .andExpect(jsonPath("$.arms[0].holdout_n").value(1))
                .andExpect(jsonPath("$.arms[0].uplift").doesNotExist())
                .andExpect(jsonPath("$.contexts.length()").value(2))
                .andExpect(jsonPath("$.contexts[0].context_key").value("SUDDEN_DROP_critical_large_mild"))
                .andExpect(jsonPath("$.contexts[0].holdout_n").value(0))
                .andExpect(jsonPath("$.contexts[0].holdout_mean").isEmpty())
                .andExpect(jsonPath("$.contexts[1].context_key").value(CONTEXT))
                .andExpect(jsonPath("$.contexts[1].treated_mean").value(0.1))
                .andExpect(jsonPath("$.contexts[1].ci_low").isEmpty());
    }

    @Test
    void anEventWithNoDataHasEmptyLists() throws Exception {
        mvc.perform(get("/api/v1/events/evt_nothing_yet/uplift").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "{\"event_id\":\"evt_nothing_yet\",\"arms\":[],\"contexts\":[]}",
                                JsonCompareMode.STRICT));
    }

    @Test
    void theEventsOrganizationAndThePermissionMatrixApply() throws Exception {
        claim("evt_owned");
        treated("evt_owned", "POLL", CONTEXT, 0.1, "MEASURED");
        mvc.perform(get("/api/v1/events/evt_owned/uplift").header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/events/evt_owned/uplift").header("Authorization", "Bearer " + tokens.attendee()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/events/evt_owned/uplift"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        mvc.perform(get("/api/v1/events/bad.id/uplift").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("event_id"));
    }
}

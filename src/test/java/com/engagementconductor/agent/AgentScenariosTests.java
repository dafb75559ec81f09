package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.support.LaneTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent loop through the running context on a hand-moved clock: a simulated audience of 200 stays quiet (the
 * {@code low_engagement} scenario), the anomaly is raised, and the mode decides what happens next (behaviour R5,
 * AS-1, AS-3, AS-4, AS-6, AS-7, contracts §4.6).
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:agent_scenarios;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(LaneTestConfiguration.class)
class AgentScenariosTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    TickScheduler ticks;

    @Autowired
    LaneTestConfiguration.Lane lane;

    @Autowired
    EventBus bus;

    @Autowired
    JsonMapper json;

    @Autowired
    com.engagementconductor.simulation.Simulations simulations;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    com.engagementconductor.decision.InterventionPolicy policy;

    TestTokens tokens;
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final List<JsonNode> commands = new CopyOnWriteArrayList<>();
    EventBus.Subscription eventSub;
    EventBus.Subscription commandSub;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
        eventSub = bus.subscribe("session:*:events", (t, p) -> events.add(json.readTree(p)));
        commandSub = bus.subscribe(InterventionTopics.COMMANDS_STREAM, (t, p) -> commands.add(json.readTree(p)));
    }

    @AfterEach
    void tearDown() {
        eventSub.close();
        commandSub.close();
    }

    @Test
    void manualModeWaitsForApprovalAndApprovalExecutesOnce() throws Exception {
        String s = "agent_manual";
        JsonNode decision = runUntilDecision(s, "MANUAL");
        assertThat(decision.path("autoApproved").asBoolean()).isFalse();
        assertThat(decision.path("interventionType").asString())
                .isIn("POLL", "BROADCAST", "NOTIFICATION", "GAMIFICATION");
        assertThat(decision.path("reasoning").asString()).contains("chosen: posterior mean");
        assertThat(decision.path("context").path("anomalyType").asString())
                .isEqualTo(decision.path("context").path("anomaly_type").asString());
        assertThat(decision.path("contentPreview").isObject()).isTrue();
        Instant created = Instant.parse(decision.path("timestamp").asString());
        assertThat(Instant.parse(decision.path("expiresAt").asString())).isEqualTo(created.plusSeconds(120));
        assertThat(statuses(s)).contains("ANOMALY_DETECTED", "WAITING_APPROVAL");
        String id = decision.path("decisionId").asString();
        mvc.perform(get("/api/v1/agent/sessions/" + s + "/status").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.mode").value("MANUAL"))
                .andExpect(jsonPath("$.status").value("WAITING_APPROVAL"))
                .andExpect(jsonPath("$.pending_decision.decision_id").value(id))
                .andExpect(jsonPath("$.current_decision.requires_approval").value(true));
        assertThat(commands).noneMatch(c -> c.path("session_id").asString().equals(s));

        String approval = mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/" + id + "/approve")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision_id").value(id))
                .andExpect(jsonPath("$.execution_result.success").value(true))
                .andExpect(jsonPath("$.execution_result.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.message").value("Decision approved; intervention dispatched"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/" + id + "/approve")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("decision_not_pending"))
                .andExpect(jsonPath("$.state").value("APPROVED"));
        Awaitility.await().until(() -> commands.stream()
                .anyMatch(c -> c.path("decision_id").asString().equals(id)));
        assertThat(commands.stream().filter(c -> c.path("session_id").asString().equals(s)))
                .hasSize(1);
        Awaitility.await().until(() -> resolutions(s).contains("APPROVED"));
        assertThat(statuses(s)).contains("INTERVENING");
        String interventionId = json.readTree(approval)
                .path("execution_result")
                .path("intervention_id")
                .asString();
        mvc.perform(get("/api/v1/agent/sessions/" + s + "/decisions?state=all")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.decisions[0].state").value("APPROVED"))
                .andExpect(jsonPath("$.decisions[0].intervention_id").value(interventionId));
    }

    @Test
    void autoModeExecutesWithoutAPerson() throws Exception {
        String s = "agent_auto";
        JsonNode decision = runUntilDecision(s, "AUTO");
        assertThat(decision.path("autoApproved").asBoolean()).isTrue();
        assertThat(decision.path("expiresAt").isNull()).isTrue();
        String id = decision.path("decisionId").asString();
        Awaitility.await().until(() -> commands.stream()
                .anyMatch(c -> c.path("decision_id").asString().equals(id)));
        assertThat(resolutions(s)).contains("AUTO_APPROVED");
        assertThat(statuses(s)).doesNotContain("WAITING_APPROVAL").contains("INTERVENING");
        // templates only (no API key): the content exists at once, so the decision is published once, with it
        assertThat(decisions(s)).hasSize(1);
        assertThat(decision.path("contentPreview").isObject()).isTrue();
        Awaitility.await().untilAsserted(() -> mvc.perform(
                        get("/api/v1/interventions/history/" + s).header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.interventions[0].metadata.generation_method")
                        .value("template"))
                .andExpect(
                        jsonPath("$.interventions[0].metadata.fallback_reason").value("no_api_key"))
                .andExpect(jsonPath("$.interventions[0].metadata.cost_usd").value(0.0)));
    }

    @Test
    void anUnansweredDecisionExpiresAfterTwoMinutes() throws Exception {
        String s = "agent_expiry";
        runUntilDecision(s, "MANUAL");
        for (int k = 0; k < 80 && !resolutions(s).contains("EXPIRED"); k++) {
            tick(s);
        }
        JsonNode resolved = events.stream()
                .filter(e -> e.path("type").asString().equals("agent.decision.resolved")
                        && e.path("data").path("resolution").asString().equals("EXPIRED"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no expiry; events: " + types(s)));
        String id = resolved.path("data").path("decisionId").asString();
        JsonNode decision = decisions(s).stream()
                .filter(d -> d.path("decisionId").asString().equals(id))
                .findFirst()
                .orElseThrow();
        Instant expires = Instant.parse(decision.path("expiresAt").asString());
        assertThat(Instant.parse(decision.path("timestamp").asString()).plusSeconds(120))
                .isEqualTo(expires);
        Instant at = Instant.parse(resolved.path("data").path("at").asString());
        assertThat(at).isBetween(expires, expires.plusSeconds(5));
        assertThat(resolved.path("data").path("by").asString()).isEqualTo("system");
        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/" + id + "/approve")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("EXPIRED"));
        assertThat(commands).noneMatch(c -> c.path("session_id").asString().equals(s));
    }

    @Test
    void aNewAnomalySupersedesThePendingDecisionBeforeItsOwnDecisionIsPublished() throws Exception {
        String s = "agent_supersede";
        JsonNode first = runUntilDecision(s, "MANUAL");
        String firstId = first.path("decisionId").asString();
        com.engagementconductor.signals.SignalsSnapshot snapshot = new com.engagementconductor.signals.SignalsSnapshot(
                clock.instant(), 150, 200, 0, 0, 0, 0, 0, 0, false, 0, 0, 50, 0.25, false);
        com.engagementconductor.anomaly.AnomalyReport massExit = new com.engagementconductor.anomaly.AnomalyReport(
                UUID.randomUUID(),
                com.engagementconductor.anomaly.AnomalyReport.Kind.RAISED,
                clock.instant(),
                com.engagementconductor.anomaly.AnomalyType.MASS_EXIT,
                com.engagementconductor.anomaly.Severity.CRITICAL,
                0.8,
                0.3,
                0.6,
                new com.engagementconductor.anomaly.Components(0, 0, 0, 0.8),
                false);
        lane.execute(
                s,
                () -> publisher.publishEvent(new com.engagementconductor.anomaly.AnomalyEvents.AnomalyDetected(
                        s, "evt_" + s, massExit, snapshot, clock.instant())));
        lane.settle();
        Awaitility.await().until(() -> decisions(s).size() == 2);
        JsonNode second = decisions(s).get(1);
        assertThat(second.path("context").path("anomaly_type").asString()).isEqualTo("MASS_EXIT");
        List<String> order = events.stream()
                .filter(e -> e.path("session_id").asString().equals(s))
                .map(e -> e.path("type").asString() + ":"
                        + (e.path("type").asString().equals("agent.decision")
                                ? e.path("data")
                                        .path("decision")
                                        .path("decisionId")
                                        .asString()
                                : e.path("data").path("decisionId").asString() + "/"
                                        + e.path("data").path("resolution").asString()))
                .toList();
        int superseded = order.indexOf("agent.decision.resolved:" + firstId + "/SUPERSEDED");
        int newer = order.indexOf("agent.decision:" + second.path("decisionId").asString());
        assertThat(superseded).isNotNegative().isLessThan(newer);
        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/" + firstId + "/approve")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("SUPERSEDED"));
    }

    @Test
    void aRejectionIsStoredWithItsReasonAndExecutesNothing() throws Exception {
        String s = "agent_reject";
        String id = runUntilDecision(s, "MANUAL").path("decisionId").asString();
        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/" + id + "/reject?reason=late")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("late"))
                .andExpect(jsonPath("$.message").value("Decision rejected"));
        Awaitility.await().until(() -> resolutions(s).contains("REJECTED"));
        JsonNode resolved = events.stream()
                .filter(e -> e.path("type").asString().equals("agent.decision.resolved")
                        && e.path("data").path("resolution").asString().equals("REJECTED"))
                .findFirst()
                .orElseThrow();
        assertThat(resolved.path("data").path("by").asString()).isEqualTo("user_9");
        assertThat(resolved.path("data").path("reason").asString()).isEqualTo("late");
        assertThat(resolved.path("data").path("sessionId").asString()).isEqualTo(s);
        mvc.perform(get("/api/v1/agent/sessions/" + s + "/decisions?state=all")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.decisions[0].state").value("REJECTED"))
                .andExpect(jsonPath("$.decisions[0].resolved_by").value("user_9"));
        assertThat(commands).noneMatch(c -> c.path("session_id").asString().equals(s));
        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/not-a-uuid/approve")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision_id"));
        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/0f1e2d3c-4b5a-4968-8776-655443322110/approve")
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("decision_not_found"));
        mvc.perform(post("/api/v1/agent/sessions/" + s + "/decisions/" + id + "/approve")
                        .header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isForbidden());
    }

    @Test
    void semiAutoWaitsBelowTheThresholdAndAutoApprovesOnceLearningLiftsTheArm() throws Exception {
        String event = "evt_semi";
        mvc.perform(put("/api/v1/agent/events/" + event + "/settings")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"allowed_interventions\":[\"POLL\"],\"agent_mode\":\"SEMI_AUTO\"}"))
                .andExpect(status().isOk());
        for (String type : List.of("SUDDEN_DROP", "GRADUAL_DECLINE", "LOW_ENGAGEMENT", "MASS_EXIT")) {
            jdbc.sql("INSERT INTO bandit_arms (scope, context_key, arm, alpha, beta, attempts, updated_at)"
                            + " VALUES (?, ?, 'POLL', 5.5, 5.5, 9, CURRENT_TIMESTAMP)")
                    .params("event:" + event, type)
                    .update();
        }
        JsonNode waiting = runUntilDecision("semi_a", event, null);
        assertThat(waiting.path("autoApproved").asBoolean()).isFalse();
        assertThat(waiting.path("posteriorMean").asDouble()).isLessThan(0.75);
        assertThat(statuses("semi_a")).contains("WAITING_APPROVAL");

        ContextKey context =
                ContextKey.parse(waiting.path("context").path("anomaly_type").asString() + "_"
                        + waiting.path("context").path("engagement_bucket").asString() + "_"
                        + waiting.path("context").path("session_size_bucket").asString() + "_"
                        + waiting.path("context").path("deviation_bucket").asString());
        for (int k = 0; k < 20; k++) {
            policy.recordReward(ScopeChain.of("org_test", event), context, Arm.POLL, 1.0);
        }
        JsonNode auto = runUntilDecision("semi_b", event, null);
        assertThat(auto.path("posteriorMean").asDouble()).isGreaterThanOrEqualTo(0.75);
        assertThat(auto.path("autoApproved").asBoolean()).isTrue();
        assertThat(statuses("semi_b")).doesNotContain("WAITING_APPROVAL");
        String id = auto.path("decisionId").asString();
        Awaitility.await().until(() -> commands.stream()
                .anyMatch(c -> c.path("decision_id").asString().equals(id)));
    }

    @Test
    void anEmptyAllowedSetMeansNoInterventionAndTheSkipIsStoredWithTheAnomaly() throws Exception {
        String s = "agent_none";
        String event = "evt_" + s;
        mvc.perform(put("/api/v1/agent/events/" + event + "/settings")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"allowed_interventions\":[],\"agent_mode\":\"AUTO\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/simulations")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"session_id\":\"" + s + "\",\"event_id\":\"" + event
                                + "\",\"scenario\":\"low_engagement\",\"attendees\":200,\"seed\":5}"))
                .andExpect(status().isCreated());
        for (int k = 0; k < 60 && !statuses(s).contains("ANOMALY_DETECTED"); k++) {
            tick(s);
        }
        assertThat(statuses(s)).contains("ANOMALY_DETECTED");
        Awaitility.await()
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT metadata FROM anomalies WHERE session_id = ?")
                                .param(s)
                                .query(String.class)
                                .list())
                        .anyMatch(m -> m.contains("NO_ELIGIBLE_ARM")));
        assertThat(decision(s)).isEmpty();
        assertThat(commands).noneMatch(c -> c.path("session_id").asString().equals(s));
    }

    @Test
    void modeChangesAreStoredAndReported() throws Exception {
        mvc.perform(put("/api/v1/agent/sessions/unregistered_x/mode")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"AUTO\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("AUTO"))
                .andExpect(jsonPath("$.message").value("Agent mode changed to AUTO"));
        mvc.perform(get("/api/v1/agent/sessions/unregistered_x/status")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.mode").value("AUTO"))
                .andExpect(jsonPath("$.is_active").value(true));
        mvc.perform(put("/api/v1/agent/sessions/unregistered_x/mode")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"TURBO\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mode"));
        mvc.perform(get("/api/v1/agent/sessions/unknown_1/status").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("MANUAL"))
                .andExpect(jsonPath("$.status").value("IDLE"))
                .andExpect(jsonPath("$.is_active").value(false))
                .andExpect(jsonPath("$.pending_decision").isEmpty());
    }

    private JsonNode runUntilDecision(String s, String mode) throws Exception {
        return runUntilDecision(s, "evt_" + s, mode);
    }

    /**
     * Registers the session, sets the mode (or keeps the event's), runs a lively room of 40 for 4 minutes, then
     * silence until a decision.
     */
    private JsonNode runUntilDecision(String s, String event, @org.jspecify.annotations.Nullable String mode)
            throws Exception {
        mvc.perform(post("/api/v1/agent/sessions/register")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"" + event + "\",\"session_id\":\"" + s + "\"}"))
                .andExpect(status().is2xxSuccessful());
        if (mode != null) {
            mvc.perform(put("/api/v1/agent/sessions/" + s + "/mode")
                            .header("Authorization", "Bearer " + tokens.org())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"mode\":\"" + mode + "\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/api/v1/simulations")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"session_id\":\"" + s
                                + "\",\"scenario\":\"low_engagement\",\"attendees\":200,\"seed\":"
                                + Math.floorMod(s.hashCode(), 1000) + "}"))
                .andExpect(status().isCreated());
        for (int k = 0; k < 120; k++) {
            tick(s);
            java.util.Optional<JsonNode> d = decision(s);
            if (d.isPresent()) {
                return d.get();
            }
        }
        throw new AssertionError("no decision for " + s + "; events: " + types(s));
    }

    /** Five simulated seconds of the audience, then the session's tick on its lane. */
    private void tick(String s) throws InterruptedException {
        Instant t = clock.instant();
        for (int second = 0; second < 5; second++) {
            t = clock.advance(Duration.ofSeconds(1));
            simulations.stepAll();
            barrier();
        }
        Instant tickAt = t;
        lane.execute(s, () -> ticks.tick(s, tickAt));
        lane.settle();
        barrier();
    }

    private void barrier() throws InterruptedException {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        EventBus.Subscription sub = bus.subscribe("test:barrier", (t, p) -> latch.countDown());
        bus.publish("test:barrier", "x");
        assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        sub.close();
    }

    private java.util.Optional<JsonNode> decision(String s) {
        return events.stream()
                .filter(e -> e.path("session_id").asString().equals(s)
                        && e.path("type").asString().equals("agent.decision"))
                .map(e -> e.path("data").path("decision"))
                .findFirst();
    }

    private List<JsonNode> decisions(String s) {
        return events.stream()
                .filter(e -> e.path("session_id").asString().equals(s)
                        && e.path("type").asString().equals("agent.decision"))
                .map(e -> e.path("data").path("decision"))
                .toList();
    }

    private List<String> statuses(String s) {
        return events.stream()
                .filter(e -> e.path("session_id").asString().equals(s)
                        && e.path("type").asString().equals("agent.status"))
                .map(e -> e.path("data").path("status").asString())
                .toList();
    }

    private List<String> resolutions(String s) {
        return events.stream()
                .filter(e -> e.path("session_id").asString().equals(s)
                        && e.path("type").asString().equals("agent.decision.resolved"))
                .map(e -> e.path("data").path("resolution").asString())
                .toList();
    }

    private List<String> types(String s) {
        return events.stream()
                .filter(e -> e.path("session_id").asString().equals(s))
                .map(e -> e.path("type").asString())
                .toList();
    }
}

package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.simulation.Simulations;
import com.engagementconductor.support.LaneTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop in embedded mode on a hand-moved clock: a simulated audience drops, the anomaly is raised, the
 * agent (AUTO) decides and executes through the built-in executor, the simulated attendees receive it, the
 * delivery is reported, and the reward is measured and learned.
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.simulation.real-time=false",
            "spring.datasource.url=jdbc:h2:mem:closed_loop;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(LaneTestConfiguration.class)
class ClosedLoopTests {
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
    Simulations simulations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aSimulatedDropIsDecidedExecutedDeliveredMeasuredAndLearned() throws Exception {
        TestTokens tokens = new TestTokens(clock);
        String s = "loop_1";
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        List<JsonNode> commands = new CopyOnWriteArrayList<>();
        bus.subscribe("session:" + s + ":events", (t, p) -> events.add(json.readTree(p)));
        bus.subscribe(InterventionTopics.COMMANDS_STREAM, (t, p) -> commands.add(json.readTree(p)));
        mvc.perform(post("/api/v1/simulations")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"session_id\":\"" + s
                                + "\",\"scenario\":\"sudden_drop\",\"attendees\":200,\"seed\":3,"
                                + "\"event_id\":\"evt_loop\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/v1/agent/sessions/" + s + "/mode")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"AUTO\"}"))
                .andExpect(status().isOk());
        for (int second = 1;
                second <= 600 && find(events, "agent.reward.measured").isEmpty();
                second++) {
            Instant t = clock.advance(Duration.ofSeconds(1));
            simulations.stepAll();
            barrier();
            if (second % 5 == 0) {
                lane.execute(s, () -> ticks.tick(s, t));
                lane.settle();
                barrier();
            }
            if (!commands.isEmpty()
                    && find(events, "agent.intervention.executed").isEmpty()) {
                // the outcome report and its announcement travel through the executor and the outbox relay
                org.awaitility.Awaitility.await()
                        .until(() -> find(events, "agent.intervention.executed").isPresent());
                lane.settle();
            }
        }
        JsonNode decision =
                find(events, "agent.decision").orElseThrow(() -> new AssertionError("no decision: " + types(events)));
        assertThat(decision.path("data").path("decision").path("autoApproved").asBoolean())
                .isTrue();
        assertThat(commands).hasSize(1);
        JsonNode executed =
                find(events, "agent.intervention.executed").orElseThrow(() -> new AssertionError(types(events)));
        assertThat(executed.path("data").path("success").asBoolean())
                .as("delivered to simulated attendees")
                .isTrue();
        JsonNode reward = find(events, "agent.reward.measured").orElseThrow(() -> new AssertionError(types(events)));
        JsonNode r = reward.path("data");
        assertThat(r.path("intervention_id").asString())
                .isEqualTo(commands.get(0).path("intervention_id").asString());
        assertThat(r.path("reward").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.path("delta").asDouble())
                .isEqualTo(
                        r.path("post_engagement").asDouble()
                                - r.path("pre_engagement").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-9));
        String contextKey = jdbc.sql("SELECT context_key FROM decisions WHERE session_id = ?")
                .param(s)
                .query(String.class)
                .single();
        String arm =
                decision.path("data").path("decision").path("interventionType").asString();
        Long attempts = jdbc.sql(
                        "SELECT attempts FROM bandit_arms WHERE scope = 'event:evt_loop' AND context_key = ? AND arm = ?")
                .params(contextKey, arm)
                .query(Long.class)
                .single();
        assertThat(attempts).as("the measured reward updated the bandit").isEqualTo(1L);
        assertThat(statusesOf(events)).contains("ANOMALY_DETECTED", "INTERVENING", "LEARNING");
        theMetersSawTheLoop(arm, r.path("success").asBoolean());
        theMetricsEndpointCountsTheDeployment(r.path("success").asBoolean());
    }

    /** Every meter an operator watches has samples after the loop (contracts §4.17). */
    private void theMetersSawTheLoop(String arm, boolean success) {
        assertThat(meters.get("conductor.ticks").counter().count()).isPositive();
        assertThat(meters.get("conductor.tick.duration").timer().count()).isPositive();
        assertThat(meters.get("conductor.signals.ingested").counters())
                .anySatisfy(c -> assertThat(c.count()).isPositive());
        assertThat(meters.get("conductor.anomalies.detected")
                        .tag("type", "SUDDEN_DROP")
                        .counters())
                .anySatisfy(c -> assertThat(c.count()).isPositive());
        assertThat(meters.get("conductor.decisions")
                        .tags("intervention_type", arm, "state", "AUTO_APPROVED")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.get("conductor.decision.posterior.mean")
                        .tag("intervention_type", arm)
                        .summary()
                        .count())
                .isEqualTo(1L);
        for (String status : List.of("DISPATCHED", "EXECUTED", "MEASURED")) {
            assertThat(meters.get("conductor.interventions")
                            .tags("type", arm, "status", status)
                            .counter()
                            .count())
                    .as(status)
                    .isEqualTo(1.0);
        }
        assertThat(meters.get("conductor.rewards")
                        .tag("intervention_type", arm)
                        .summary()
                        .count())
                .isEqualTo(1L);
        assertThat(meters.get("conductor.rewards.successes")
                        .tag("intervention_type", arm)
                        .counter()
                        .count())
                .isEqualTo(success ? 1.0 : 0.0);
        assertThat(meters.get("conductor.outbox.lag").timer().count()).isPositive();
        assertThat(meters.get("conductor.active_sessions").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("conductor.pending_decisions").gauge().value()).isZero();
    }

    /** {@code GET /metrics}: the deployment's counts come from the database. */
    private void theMetricsEndpointCountsTheDeployment(boolean success) throws Exception {
        JsonNode body = json.readTree(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/metrics"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        JsonNode agent = body.path("agent_metrics");
        assertThat(agent.path("total_sessions").asLong()).isEqualTo(1);
        assertThat(agent.path("active_sessions").asLong()).isEqualTo(1);
        assertThat(agent.path("total_interventions").asLong()).isEqualTo(1);
        assertThat(agent.path("successful_interventions").asLong()).isEqualTo(success ? 1 : 0);
        assertThat(agent.path("failed_interventions").asLong()).isZero();
        assertThat(agent.path("global_success_rate").asDouble()).isEqualTo(success ? 1.0 : 0.0);
        assertThat(agent.path("thompson_sampling_contexts").asLong()).isEqualTo(1);
        assertThat(agent.path("pending_decisions").asLong()).isZero();
        assertThat(body.path("system_metrics").path("version").asString()).isEqualTo("1.0.0");
        JsonNode cost = body.path("cost_metrics");
        assertThat(cost.path("total_cost").asDouble())
                .as("templates only: nothing metered")
                .isZero();
        assertThat(cost.path("hourly_limit").asDouble()).isEqualTo(20.0);
        assertThat(cost.path("daily_limit").asDouble()).isEqualTo(100.0);
        assertThat(cost.path("tokens_by_model").isObject()).isTrue();
    }

    private void barrier() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        EventBus.Subscription sub = bus.subscribe("test:barrier", (t, p) -> latch.countDown());
        bus.publish("test:barrier", "x");
        assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        sub.close();
    }

    private static Optional<JsonNode> find(List<JsonNode> events, String type) {
        return events.stream()
                .filter(e -> e.path("type").asString().equals(type))
                .findFirst();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asString()).toList();
    }

    private static List<String> statusesOf(List<JsonNode> events) {
        return events.stream()
                .filter(e -> e.path("type").asString().equals("agent.status"))
                .map(e -> e.path("data").path("status").asString())
                .toList();
    }
}

package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.Topics;
import com.engagementconductor.support.LaneTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
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
 * The demo (behaviour R8.5) on the real pipeline, in embedded mode on a hand-moved clock: simulator → signals →
 * score → detector → agent → built-in executor → simulated attendees. Session time 0 of R8.5's table is 150 s after
 * the start (the pre-roll); ticks fall on session times (k − 1)·5 s.
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.simulation.real-time=false",
            "spring.datasource.url=jdbc:h2:mem:demo_scenario;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(LaneTestConfiguration.class)
class DemoScenarioTests {
    private static final long PRE_ROLL = DemoScript.PRE_ROLL_SECONDS;

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

    /** What one demo run showed: display scores by session second, the session's envelopes, the commands. */
    private record Run(
            JsonNode started,
            TreeMap<Long, Double> scores,
            List<JsonNode> events,
            List<JsonNode> anomalies,
            List<JsonNode> commands,
            Instant start) {
        Optional<JsonNode> first(String type) {
            return events.stream()
                    .filter(e -> e.path("type").asString().equals(type))
                    .findFirst();
        }

        long sessionSecond(String timestamp) {
            return Duration.between(start, Instant.parse(timestamp)).getSeconds() - 1 - PRE_ROLL;
        }

        double display(long sessionSecond) {
            Double s = scores.get(sessionSecond);
            assertThat(s).as("a tick at session time " + sessionSecond + " s").isNotNull();
            return Math.round(s * 1000) / 10.0;
        }

        double mean(long from, long to) {
            return scores.subMap(from, true, to, true).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
        }
    }

    private Run run(String sessionId, String body, String token, boolean approveManually) throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        List<JsonNode> anomalies = new CopyOnWriteArrayList<>();
        List<JsonNode> commands = new CopyOnWriteArrayList<>();
        TreeMap<Long, Double> scores = new TreeMap<>();
        Instant start = clock.instant();
        bus.subscribe("session:" + sessionId + ":events", (t, p) -> events.add(json.readTree(p)));
        bus.subscribe(InterventionTopics.COMMANDS_STREAM, (t, p) -> commands.add(json.readTree(p)));
        bus.subscribe(Topics.ANOMALY_DETECTED, (t, p) -> anomalies.add(json.readTree(p)));
        bus.subscribe(Topics.ENGAGEMENT_UPDATE, (t, p) -> {
            JsonNode u = json.readTree(p);
            if (u.path("sessionId").asString().equals(sessionId)) {
                long second = Duration.between(
                                        start, Instant.parse(u.path("timestamp").asString()))
                                .getSeconds()
                        - 1
                        - PRE_ROLL;
                if (second >= 90)
                    System.out.println(
                            "DEMO upd " + second + " " + u.path("signals") + " partial=" + u.path("partialWindow"));
                synchronized (scores) {
                    scores.put(second, u.path("score").asDouble());
                }
            }
        });
        JsonNode started = json.readTree(mvc.perform(post("/api/v1/simulations")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        for (long second = 1; second <= 700 && simulations.running(sessionId); second++) {
            Instant t = clock.advance(Duration.ofSeconds(1));
            simulations.stepAll();
            barrier();
            if ((second - 1) % 5 == 0) {
                lane.execute(sessionId, () -> ticks.tick(sessionId, t));
                lane.settle();
                barrier();
            }
            if (approveManually) {
                approvePending(sessionId, events, token);
            }
            if (commands.size() > executedCount(events)) {
                // the delivery report and its announcement travel through the executor and the outbox relay
                Awaitility.await().until(() -> executedCount(events) >= commands.size());
                lane.settle();
            }
        }
        return new Run(started, scores, events, anomalies, commands, start);
    }

    private static long executedCount(List<JsonNode> events) {
        return events.stream()
                .filter(e -> e.path("type").asString().equals("agent.intervention.executed"))
                .count();
    }

    /** The presenter's click: approves the pending decision once it is published. */
    private void approvePending(String sessionId, List<JsonNode> events, String token) throws Exception {
        Optional<JsonNode> decision = events.stream()
                .filter(e -> e.path("type").asString().equals("agent.decision"))
                .findFirst();
        boolean resolved =
                events.stream().anyMatch(e -> e.path("type").asString().equals("agent.decision.resolved"));
        if (decision.isPresent() && !resolved) {
            String id = decision.get()
                    .path("data")
                    .path("decision")
                    .path("decisionId")
                    .asString();
            mvc.perform(post("/api/v1/agent/sessions/" + sessionId + "/decisions/" + id + "/approve")
                            .header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk());
            lane.settle();
            barrier();
        }
    }

    @Test
    void theDemoDropsIntervenesWithAnAutoApprovedPollAndRecovers() throws Exception {
        TestTokens tokens = new TestTokens(clock);
        Run run = run(
                "demo_1",
                "{\"session_id\":\"demo_1\",\"scenario\":\"demo\",\"event_id\":\"evt_demo\"}",
                tokens.org(),
                false);
        assertThat(run.started().path("attendees").asInt()).isEqualTo(500);
        assertThat(run.started().path("seed").asLong()).isEqualTo(7L);

        // 0–40 s (ticks 1–9): about 72–75 with the organizer poll open; about 75 at tick 9 when the room goes quiet
        for (long t = 0; t <= 40; t += 5) {
            assertThat(run.display(t)).as("display at %d s", t).isBetween(68.0, 80.0);
        }
        assertThat(run.mean(0, 40)).as("baseline mean (SIM-7)").isBetween(0.65, 0.82);
        assertThat(run.display(40)).isBetween(72.0, 78.0);
        // 45–85 s (ticks 10–18): the score slides as the windows empty, to about 61
        assertThat(run.display(85)).isBetween(58.0, 67.0).isLessThan(run.display(45) - 8.0);

        // about 90 s: SUDDEN_DROP raised, nothing before it; raised within 75 s of the quiet start (SIM-7)
        assertThat(run.anomalies()).hasSize(1);
        JsonNode anomaly = run.anomalies().get(0);
        assertThat(anomaly.path("type").asString()).isEqualTo("SUDDEN_DROP");
        long raised = run.sessionSecond(anomaly.path("timestamp").asString());
        assertThat(raised).isBetween(85L, 100L).isLessThanOrEqualTo(40L + 75L);
        assertThat(run.display(raised)).as("display when raised").isBetween(52.0, 62.0);

        // the POLL decision, auto-approved in SEMI_AUTO thanks to the pre-load: 0.78 over 14 attempts
        JsonNode decision =
                run.first("agent.decision").orElseThrow().path("data").path("decision");
        assertThat(decision.path("interventionType").asString()).isEqualTo("POLL");
        assertThat(decision.path("autoApproved").asBoolean()).isTrue();
        assertThat(decision.path("posteriorMean").asDouble()).isCloseTo(0.78125, within(1e-9));
        assertThat(decision.path("historicalPerformance").path("totalAttempts").asLong())
                .isEqualTo(14L);
        assertThat(run.first("agent.decision.resolved")
                        .orElseThrow()
                        .path("data")
                        .path("resolution")
                        .asString())
                .isEqualTo("AUTO_APPROVED");
        assertThat(run.sessionSecond(run.first("agent.decision")
                        .orElseThrow()
                        .path("timestamp")
                        .asString()))
                .isEqualTo(raised);

        // the poll is delivered to the simulated attendees and replaces the organizer poll
        assertThat(run.commands()).hasSize(1);
        JsonNode executed = run.first("agent.intervention.executed").orElseThrow();
        assertThat(executed.path("data").path("success").asBoolean()).isTrue();
        assertThat(executed.path("data").path("intervention_type").asString()).isEqualTo("POLL");
        long execution = run.sessionSecond(executed.path("timestamp").asString());
        assertThat(execution).isBetween(raised, raised + 5);

        // the trough (about 39) just after the agent poll restarts participation from 0, then the recovery
        double trough = run.scores().subMap(execution, true, execution + 20, true).values().stream()
                .mapToDouble(Double::doubleValue)
                .min()
                .orElseThrow();
        assertThat(trough).as("trough (SIM-7)").isBetween(0.30, 0.55);
        long last = run.scores().lastKey();
        assertThat(last).as("the demo ends 60 s after execution").isBetween(execution + 55, execution + 65);
        assertThat(run.display(last)).as("display at the end").isBetween(68.0, 82.0);
        assertThat(run.mean(execution + 45, execution + 60)).as("recovery mean").isBetween(0.66, 0.88);
        assertThat(run.display(last)).isGreaterThan(trough * 100 + 30.0);

        // it ended by itself, and so did its session
        JsonNode view = json.readTree(mvc.perform(get("/api/v1/simulations/"
                                + run.started().path("simulation_id").asString())
                        .header("Authorization", "Bearer " + tokens.read()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(view.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(view.path("elapsed_seconds").asDouble()).isEqualTo((double) (PRE_ROLL + execution + 60));
        mvc.perform(get("/api/v1/agent/sessions/demo_1/status").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.is_active").value(false));
    }

    @Test
    void inManualModeThePresenterApprovesThePoll() throws Exception {
        TestTokens tokens = new TestTokens(clock);
        mvc.perform(put("/api/v1/agent/sessions/demo_manual/mode")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"MANUAL\",\"event_id\":\"evt_demo_manual\"}"))
                .andExpect(status().isOk());
        Run run = run("demo_manual", "{\"session_id\":\"demo_manual\",\"scenario\":\"demo\"}", tokens.org(), true);

        JsonNode decision =
                run.first("agent.decision").orElseThrow().path("data").path("decision");
        assertThat(decision.path("interventionType").asString()).isEqualTo("POLL");
        assertThat(decision.path("autoApproved").asBoolean()).isFalse();
        JsonNode resolved = run.first("agent.decision.resolved").orElseThrow().path("data");
        assertThat(resolved.path("resolution").asString()).isEqualTo("APPROVED");
        assertThat(resolved.path("by").asString()).isEqualTo("user_9");
        assertThat(run.commands()).hasSize(1);
        assertThat(run.first("agent.intervention.executed")
                        .orElseThrow()
                        .path("data")
                        .path("success")
                        .asBoolean())
                .isTrue();
        long execution = run.sessionSecond(run.first("agent.intervention.executed")
                .orElseThrow()
                .path("timestamp")
                .asString());
        assertThat(run.scores().lastKey()).isBetween(execution + 55, execution + 65);
        assertThat(run.mean(execution + 45, execution + 60)).isBetween(0.66, 0.88);
    }

    private void barrier() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        EventBus.Subscription sub = bus.subscribe("test:barrier", (t, p) -> latch.countDown());
        bus.publish("test:barrier", "x");
        assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        sub.close();
    }
}

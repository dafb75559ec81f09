package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

    private Run run(String sessionId, String body, String token) throws Exception {
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

    @Test
    void theDemoDropsIntervenesWithAnAutoApprovedPollAndRecovers() throws Exception {
        TestTokens tokens = new TestTokens(clock);
        Run run = run(
                "demo_1", "{\"session_id\":\"demo_1\",\"scenario\":\"demo\",\"event_id\":\"evt_demo\"}", tokens.org());
        run.scores.forEach((s, v) -> System.out.println("DEMO t=" + s + " score=" + v));
        run.events.forEach(e -> System.out.println(
                "DEMO event " + run.sessionSecond(e.path("timestamp").asString()) + " "
                        + e.path("type").asString() + " " + e.path("data")));
        run.anomalies.forEach(e -> System.out.println("DEMO anomaly " + e));
    }

    private void barrier() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        EventBus.Subscription sub = bus.subscribe("test:barrier", (t, p) -> latch.countDown());
        bus.publish("test:barrier", "x");
        assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        sub.close();
    }
}

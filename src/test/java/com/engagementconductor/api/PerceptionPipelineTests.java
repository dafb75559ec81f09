package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.anomaly.AnomalyEvents.AnomalyDetected;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.Topics;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The perceive half of the loop through the running context: HTTP signals, the tick on a hand-moved clock, the
 * score, the detector, {@code anomaly:detected} on the bus, the stored anomaly and the in-process event.
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:pipeline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import({ConductorTestConfiguration.class, PerceptionPipelineTests.Recorder.class})
class PerceptionPipelineTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    TickScheduler ticks;

    @Autowired
    EventBus bus;

    @Autowired
    JsonMapper json;

    @Autowired
    List<AnomalyDetected> detected;

    /** Records the in-process anomaly events. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {
        final List<AnomalyDetected> events = new CopyOnWriteArrayList<>();

        @Bean
        List<AnomalyDetected> detectedAnomalies() {
            return events;
        }

        @EventListener
        void on(AnomalyDetected e) {
            events.add(e);
        }
    }

    @Test
    void aRoomThatFallsSilentRaisesASuddenDropThatIsPublishedAndStored() throws Exception {
        TestTokens tokens = new TestTokens(clock);
        mvc.perform(post("/api/v1/agent/sessions/register")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"evt_pipe\",\"session_id\":\"pipe_1\"}"))
                .andExpect(status().isCreated());
        List<String> anomalies = new CopyOnWriteArrayList<>();
        EventBus.Subscription sub = bus.subscribe(Topics.ANOMALY_DETECTED, (t, p) -> anomalies.add(p));
        send(tokens, joins(40));
        Instant silentFrom = clock.instant().plusSeconds(240);
        int tick = 0;
        while (clock.instant().isBefore(silentFrom.plusSeconds(120))) {
            Instant t = clock.advance(Duration.ofSeconds(5));
            tick++;
            if (t.isBefore(silentFrom)) {
                send(tokens, activity(tick));
            }
            ticks.tick("pipe_1", t);
        }
        Awaitility.await().until(() -> !anomalies.isEmpty());
        sub.close();
        JsonNode first = json.readTree(anomalies.get(0));
        assertThat(first.path("sessionId").asString()).isEqualTo("pipe_1");
        assertThat(first.path("eventId").asString()).isEqualTo("evt_pipe");
        assertThat(first.path("type").asString()).isIn("SUDDEN_DROP", "LOW_ENGAGEMENT");
        assertThat(first.path("signedDeviation").asDouble()).isNegative();
        assertThat(first.path("deviation").asDouble())
                .isEqualTo(-first.path("signedDeviation").asDouble());
        assertThat(first.path("signals").path("total_users").asInt()).isEqualTo(40);
        assertThat(first.path("seq").asLong()).isPositive();
        Instant raisedAt = Instant.parse(first.path("timestamp").asString());
        assertThat(Duration.between(silentFrom, raisedAt)).isLessThanOrEqualTo(Duration.ofSeconds(75));
        assertThat(detected).isNotEmpty();
        assertThat(detected.get(0).report().anomalyId().toString())
                .isEqualTo(first.path("anomalyId").asString());
        Awaitility.await().untilAsserted(() -> mvc.perform(
                        get("/api/v1/sessions/pipe_1/engagement").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.anomalies[0].anomaly_id")
                        .value(first.path("anomalyId").asString()))
                .andExpect(
                        jsonPath("$.anomalies[0].type").value(first.path("type").asString())));
    }

    private void send(TestTokens tokens, String items) throws Exception {
        mvc.perform(post("/api/v1/sessions/pipe_1/signals")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signals\":[" + items + "]}"))
                .andExpect(status().isAccepted());
    }

    private static String joins(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"join\",\"user_id\":\"u")
                    .append(i)
                    .append("\"}");
        }
        return b.toString();
    }

    /** About five seconds of a lively room of 40: a few chats and reactions from rotating users. */
    private static String activity(int tick) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            int user = (tick * 7 + i * 11) % 40;
            b.append(i == 0 ? "" : ",")
                    .append(
                            i % 2 == 0
                                    ? "{\"type\":\"chat\",\"user_id\":\"u" + user + "\"}"
                                    : "{\"type\":\"reaction\",\"user_id\":\"u" + user + "\",\"emoji\":\"+\"}");
        }
        return b.toString();
    }
}

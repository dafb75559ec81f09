package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:signals_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class SignalsApiTests {
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

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private void register(String session) throws Exception {
        mvc.perform(post("/api/v1/agent/sessions/register")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"evt_s\",\"session_id\":\"" + session + "\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    private ResultActions send(String token, String session, String body) throws Exception {
        return mvc.perform(post("/api/v1/sessions/" + session + "/signals")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void aValidBatchIsAcceptedAndScoredAtTheNextTick() throws Exception {
        register("sig_ok");
        List<String> updates = new CopyOnWriteArrayList<>();
        try (EventBus.Subscription s = bus.subscribe(Topics.ENGAGEMENT_UPDATE, (t, p) -> updates.add(p))) {
            StringBuilder batch = new StringBuilder("{\"signals\":[");
            for (int i = 0; i < 10; i++) {
                batch.append(i == 0 ? "" : ",")
                        .append("{\"type\":\"join\",\"user_id\":\"u")
                        .append(i)
                        .append("\"}");
            }
            batch.append(",{\"type\":\"chat\",\"user_id\":\"u1\",\"text\":\"hello\"}");
            batch.append(",{\"type\":\"poll_vote\",\"user_id\":\"u2\",\"poll_id\":\"p1\",\"option_id\":\"2\"}");
            batch.append(",{\"type\":\"reaction\",\"user_id\":\"u3\",\"emoji\":\"\uD83D\uDC4F\"}]}");
            send(tokens.org(), "sig_ok", batch.toString())
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.session_id").value("sig_ok"))
                    .andExpect(jsonPath("$.accepted").value(13));
            Instant t = clock.advance(Duration.ofSeconds(5));
            ticks.tick("sig_ok", t);
            org.awaitility.Awaitility.await().until(() -> !updates.isEmpty());
        }
        JsonNode update = json.readTree(updates.get(0));
        assertThat(update.path("sessionId").asString()).isEqualTo("sig_ok");
        assertThat(update.path("eventId").asString()).isEqualTo("evt_s");
        assertThat(update.path("signals").path("total_users").asInt()).isEqualTo(10);
        assertThat(update.path("signals").path("chat_msgs_per_min").asDouble()).isEqualTo(1.0);
        assertThat(update.path("signals").path("poll_open").asBoolean()).isTrue();
        assertThat(update.path("signals").path("poll_participation").asDouble()).isEqualTo(0.1);
        assertThat(update.path("partialWindow").asBoolean()).isTrue();
        assertThat(update.path("formula").asString()).isEqualTo("v2");
        assertThat(update.path("intervalSeconds").asInt()).isEqualTo(5);
        assertThat(update.path("timestamp").asString()).endsWith("Z");
    }

    @Test
    void everyBadItemIsReportedAndNothingIsApplied() throws Exception {
        register("sig_bad");
        send(
                        tokens.org(),
                        "sig_bad",
                        "{\"signals\":[{\"type\":\"join\",\"user_id\":\"u1\"},"
                                + "{\"type\":\"poll_vote\",\"user_id\":\"u2\",\"poll_id\":\"p1\"},"
                                + "{\"type\":\"shout\",\"user_id\":\"u3\"},"
                                + "{\"type\":\"chat\",\"user_id\":\"u4\",\"colour\":\"red\"},"
                                + "{\"type\":\"reaction\",\"user_id\":\"u5\",\"emoji\":\"\",\"timestamp\":\"2020-01-01T00:00:00Z\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("signals[1].option_id"))
                .andExpect(jsonPath("$.errors[1].field").value("signals[2].type"))
                .andExpect(jsonPath("$.errors[2].field").value("signals[3].colour"))
                .andExpect(jsonPath("$.errors[3].field").value("signals[4].timestamp"))
                .andExpect(jsonPath("$.errors[4].field").value("signals[4].emoji"));
        Instant t = clock.advance(Duration.ofSeconds(5));
        ticks.tick("sig_bad", t);
        mvc.perform(get("/api/v1/agent/sessions?active=all&limit=200")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk());
    }

    @Test
    void batchSizeIsLimited() throws Exception {
        register("sig_size");
        send(tokens.org(), "sig_size", "{\"signals\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signals"));
        StringBuilder big = new StringBuilder("{\"signals\":[");
        for (int i = 0; i < 1001; i++) {
            big.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"join\",\"user_id\":\"u")
                    .append(i)
                    .append("\"}");
        }
        send(tokens.org(), "sig_size", big.append("]}").toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signals"));
        String huge =
                "{\"signals\":[{\"type\":\"chat\",\"user_id\":\"u1\",\"text\":\"" + "x".repeat(1024 * 1024) + "\"}]}";
        send(tokens.org(), "sig_size", huge)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("payload_too_large"));
    }

    @Test
    void unknownEndedAndForeignSessionsAreRefusedInContractOrder() throws Exception {
        String one = "{\"signals\":[{\"type\":\"join\",\"user_id\":\"u1\"}]}";
        send(tokens.org(), "sig_unknown", one)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("session_not_found"));
        register("sig_ended");
        send(tokens.other(), "sig_ended", one).andExpect(status().isForbidden());
        send(tokens.read(), "sig_ended", one).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/agent/sessions/sig_ended").header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk());
        send(tokens.org(), "sig_ended", one)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("session_not_live"));
        send(tokens.org(), "sig_ended", "{\"signals\":[{\"type\":\"nope\"}]}").andExpect(status().isBadRequest());
    }

    @Test
    void theEngagementHistoryShowsStoredPoints() throws Exception {
        register("sig_hist");
        StringBuilder batch = new StringBuilder("{\"signals\":[");
        for (int i = 0; i < 5; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"join\",\"user_id\":\"u")
                    .append(i)
                    .append("\"}");
        }
        send(tokens.org(), "sig_hist", batch.append("]}").toString()).andExpect(status().isAccepted());
        for (int k = 0; k < 3; k++) {
            ticks.tick("sig_hist", clock.advance(Duration.ofSeconds(5)));
        }
        org.awaitility.Awaitility.await().untilAsserted(() -> mvc.perform(get("/api/v1/sessions/sig_hist/engagement")
                        .param("since", clock.instant().minusSeconds(600).toString())
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.event_id").value("evt_s"))
                .andExpect(jsonPath("$.interval_seconds").value(5))
                .andExpect(jsonPath("$.points.length()").value(3))
                .andExpect(jsonPath("$.points[0].signals.total_users").value(5))
                .andExpect(jsonPath("$.points[0].category").value("VERY_LOW"))
                .andExpect(jsonPath("$.anomalies.length()").value(0)));
        mvc.perform(get("/api/v1/sessions/sig_hist/engagement").header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/sessions/sig_hist/engagement?limit=1001")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isBadRequest());
    }
}

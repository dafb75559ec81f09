package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.support.LaneTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
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

/** Event settings, manual interventions, history and stats through the REST contracts (§4.8–§4.12). */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:agent_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(LaneTestConfiguration.class)
class AgentApiTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    EventBus bus;

    @Autowired
    JsonMapper json;

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private ResultActions putSettings(String token, String event, String body) throws Exception {
        return mvc.perform(put("/api/v1/agent/events/" + event + "/settings")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions manual(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/interventions/manual")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void settingsDefaultThenStrictPartialUpdatesThatClaimTheEvent() throws Exception {
        mvc.perform(get("/api/v1/agent/events/evt_set/settings").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("default"))
                .andExpect(jsonPath("$.max_interventions_per_hour").value(10))
                .andExpect(jsonPath("$.auto_approve_threshold").value(0.75))
                .andExpect(jsonPath("$.approval_timeout_seconds").value(120))
                .andExpect(jsonPath("$.allowed_interventions").value(nullValue()))
                .andExpect(jsonPath("$.created_at").value(nullValue()));
        putSettings(
                        tokens.org(),
                        "evt_set",
                        "{\"agent_mode\":\"TURBO\",\"colour\":1,\"holdout_fraction\":0.9,"
                                + "\"max_interventions_per_hour\":2.5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(4));
        putSettings(tokens.org(), "evt_set", "{\"auto_approve_threshold\":0.6,\"min_confidence_threshold\":0.7}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("min_confidence_threshold"));
        putSettings(tokens.org(), "evt_set", "{\"allowed_interventions\":[\"POLL\",\"POLL\"]}")
                .andExpect(status().isBadRequest());
        putSettings(
                        tokens.org(),
                        "evt_set",
                        "{\"agent_mode\":\"SEMI_AUTO\",\"allowed_interventions\":[\"BROADCAST\",\"POLL\"],"
                                + "\"max_interventions_per_hour\":20}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("stored"))
                .andExpect(jsonPath("$.org_id").value("org_test"))
                .andExpect(jsonPath("$.agent_mode").value("SEMI_AUTO"))
                .andExpect(jsonPath("$.allowed_interventions[0]").value("POLL"))
                .andExpect(jsonPath("$.allowed_interventions[1]").value("BROADCAST"))
                .andExpect(jsonPath("$.max_interventions_per_hour").value(20))
                .andExpect(jsonPath("$.auto_approve_threshold").value(0.75));
        putSettings(tokens.org(), "evt_set", "{\"allowed_interventions\":[]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowed_interventions.length()").value(0))
                .andExpect(jsonPath("$.agent_mode").value("SEMI_AUTO"));
        putSettings(tokens.other(), "evt_set", "{\"agent_enabled\":false}").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agent/events/evt_set/settings").header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isForbidden());
        putSettings(tokens.read(), "evt_set", "{\"agent_enabled\":false}").andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agent/sessions/register")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"evt_set\",\"session_id\":\"set_s1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.agent_mode").value("SEMI_AUTO"));
    }

    @Test
    void aManualBroadcastIsExecutedRecordedAndStartsItsCooldown() throws Exception {
        List<JsonNode> commands = new CopyOnWriteArrayList<>();
        bus.subscribe(InterventionTopics.COMMANDS_STREAM, (t, p) -> commands.add(json.readTree(p)));
        String body = "{\"session_id\":\"man_s1\",\"event_id\":\"evt_man\",\"intervention_type\":\"CHAT_PROMPT\","
                + "\"reason\":\"=SUM(1,2)\",\"context\":{\"message\":\"Share one question you still have!\"}}";
        String answer = manual(tokens.org(), body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.message").value("BROADCAST intervention triggered successfully"))
                .andExpect(jsonPath("$.details.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.details.content_source").value("provided"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(answer).path("intervention_id").asString();
        Awaitility.await().until(() -> commands.stream()
                .anyMatch(c -> c.path("intervention_id").asString().equals(id)));
        JsonNode command = commands.stream()
                .filter(c -> c.path("intervention_id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(command.path("type").asString()).isEqualTo("agent.intervention.broadcast");
        assertThat(command.path("message").asString()).isEqualTo("Share one question you still have!");
        assertThat(command.path("decision_id").isNull()).isTrue();
        manual(tokens.org(), body.replace("CHAT_PROMPT", "BROADCAST"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("intervention_blocked"))
                .andExpect(jsonPath("$.reason").value("cooldown"))
                .andExpect(jsonPath("$.retryAfter").value(60));
        mvc.perform(get("/api/v1/interventions/history/man_s1?limit=20")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.interventions[0].type").value("BROADCAST"))
                .andExpect(jsonPath("$.interventions[0].reasoning").value("=SUM(1,2)"))
                .andExpect(jsonPath("$.interventions[0].metadata.prompt").value("Share one question you still have!"))
                .andExpect(jsonPath("$.interventions[0].metadata.message").value("Share one question you still have!"))
                .andExpect(jsonPath("$.interventions[0].metadata.manual").value(true));
        mvc.perform(get("/api/v1/interventions/history/man_s1?limit=0")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/interventions/stats/man_s1").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total_interventions").value(1))
                .andExpect(jsonPath("$.successful_interventions").value(0))
                .andExpect(jsonPath("$.by_type.BROADCAST").value(1));
        mvc.perform(get("/api/v1/interventions/history/man_s1").header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isForbidden());
    }

    @Test
    void manualInterventionsObeyTheAllowedArmsAndValidateTheirInput() throws Exception {
        putSettings(tokens.org(), "evt_allowed", "{\"allowed_interventions\":[\"BROADCAST\"]}")
                .andExpect(status().isOk());
        manual(
                        tokens.org(),
                        "{\"session_id\":\"man_s2\",\"event_id\":\"evt_allowed\",\"intervention_type\":\"POLL\","
                                + "\"reason\":\"pulse\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reason").value("not_allowed"))
                .andExpect(jsonPath("$.retryAfter").doesNotExist());
        manual(
                        tokens.org(),
                        "{\"session_id\":\"man_s2\",\"event_id\":\"evt_allowed\",\"intervention_type\":\"NUDGE\",\"reason\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("intervention_type"));
        manual(
                        tokens.org(),
                        "{\"session_id\":\"man_s2\",\"event_id\":\"evt_allowed\",\"intervention_type\":\"BROADCAST\","
                                + "\"reason\":\"x\",\"context\":{\"message\":\"\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("context.message"));
        manual(
                        tokens.org(),
                        "{\"session_id\":\"man_s2\",\"event_id\":\"evt_other\",\"intervention_type\":\"BROADCAST\","
                                + "\"reason\":\"x\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session_conflict"));
        manual(
                        tokens.read(),
                        "{\"session_id\":\"man_s2\",\"event_id\":\"evt_allowed\",\"intervention_type\":\"BROADCAST\",\"reason\":\"x\"}")
                .andExpect(status().isForbidden());
    }
}

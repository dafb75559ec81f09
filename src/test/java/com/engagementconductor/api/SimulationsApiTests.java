package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.signals.LiveSessions;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
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
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:simulations_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class SimulationsApiTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    @Autowired
    LiveSessions live;

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private ResultActions start(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/simulations")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void aSimulationCreatesItsSessionEmitsSignalsAndStops() throws Exception {
        String body = start(
                        tokens.org(),
                        "{\"session_id\":\"sim_s1\",\"scenario\":\"steady\",\"attendees\":300,\"speed\":1,\"seed\":42,\"event_id\":\"evt_sim\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.session_id").value("sim_s1"))
                .andExpect(jsonPath("$.scenario").value("steady"))
                .andExpect(jsonPath("$.attendees").value(300))
                .andExpect(jsonPath("$.speed").value(1.0))
                .andExpect(jsonPath("$.seed").value(42))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(body).path("simulation_id").asString();
        start(tokens.org(), "{\"session_id\":\"sim_s1\",\"scenario\":\"steady\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("simulation_running"));
        Awaitility.await().untilAsserted(() -> mvc.perform(
                        get("/api/v1/simulations/" + id).header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signals_emitted").value(org.hamcrest.Matchers.greaterThan(300))));
        Awaitility.await().until(() -> live.get("sim_s1")
                .map(s -> s.window().connectedUsers() == 300)
                .orElse(false));
        mvc.perform(get("/api/v1/agent/sessions").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.sessions[?(@.session_id == 'sim_s1')].event_id")
                        .value("evt_sim"));
        mvc.perform(delete("/api/v1/simulations/" + id).header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/simulations/" + id).header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("STOPPED"));
        mvc.perform(delete("/api/v1/simulations/" + id).header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("STOPPED"));
        String stopped = mvc.perform(
                        get("/api/v1/simulations/" + id).header("Authorization", "Bearer " + tokens.read()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(stopped).path("ended_at").asString()).endsWith("Z");
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        start(tokens.org(), "{\"session_id\":\"sim_bad\",\"scenario\":\"party\",\"attendees\":0,\"speed\":50}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scenario"))
                .andExpect(jsonPath("$.errors[1].field").value("attendees"))
                .andExpect(jsonPath("$.errors[2].field").value("speed"));
        start(tokens.org(), "{\"session_id\":\"sim_bad\",\"scenario\":\"steady\",\"speed\":2.5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("speed"));
        start(tokens.org(), "{\"session_id\":\"sim_bad\",\"scenario\":\"demo\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scenario"));
        start(tokens.read(), "{\"session_id\":\"sim_bad\",\"scenario\":\"steady\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/simulations/not-a-uuid").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("simulation_id"));
        mvc.perform(get("/api/v1/simulations/0f1e2d3c-4b5a-4968-8776-655443322110")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("simulation_not_found"));
    }
}

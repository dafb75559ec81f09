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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        start(tokens.org(), "{\"session_id\":\"sim_bad\",\"scenario\":\"demo\",\"speed\":2.5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("speed"));
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

    @Test
    void theDemoStartsWithItsDefaultsSettingsAndPreload() throws Exception {
        start(tokens.org(), "{\"session_id\":\"sim_demo\",\"scenario\":\"demo\",\"event_id\":\"evt_sim_demo\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scenario").value("demo"))
                .andExpect(jsonPath("$.attendees").value(500))
                .andExpect(jsonPath("$.seed").value(7))
                .andExpect(jsonPath("$.speed").value(1.0))
                .andExpect(jsonPath("$.state").value("RUNNING"));
        mvc.perform(get("/api/v1/agent/events/evt_sim_demo/settings")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.agent_mode").value("SEMI_AUTO"))
                .andExpect(jsonPath("$.allowed_interventions").value(org.hamcrest.Matchers.contains("POLL")))
                .andExpect(jsonPath("$.org_id").value("org_test"));
        mvc.perform(get("/api/v1/agent/sessions/sim_demo/status").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.mode").value("SEMI_AUTO"));
        java.util.List<java.util.Map<String, Object>> rows = jdbc.sql(
                        "SELECT context_key, arm, alpha, beta, attempts FROM bandit_arms WHERE scope = 'event:evt_sim_demo'"
                                + " AND arm = 'POLL' ORDER BY context_key")
                .query()
                .listOfRows();
        assertThat(rows).hasSize(27).allSatisfy(r -> {
            assertThat((String) r.get("context_key")).startsWith("SUDDEN_DROP_");
            assertThat(((Number) r.get("alpha")).doubleValue()).isEqualTo(12.5);
            assertThat(((Number) r.get("beta")).doubleValue()).isEqualTo(3.5);
            assertThat(((Number) r.get("attempts")).longValue()).isEqualTo(14L);
        });
        assertThat(rows).extracting(r -> r.get("context_key")).contains("SUDDEN_DROP_low_medium_severe");
        start(tokens.org(), "{\"session_id\":\"sim_demo\",\"scenario\":\"demo\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("simulation_running"));
    }

    @Test
    void aStoppedDemoEndsItsSessionAndAnotherOrganizationsEventIsRefused() throws Exception {
        String body = start(
                        tokens.org(),
                        "{\"session_id\":\"sim_demo_stop\",\"scenario\":\"demo\",\"seed\":11,\"attendees\":40}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.seed").value(11))
                .andExpect(jsonPath("$.attendees").value(40))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = json.readTree(body).path("simulation_id").asString();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/simulations/" + id)
                        .header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("STOPPED"));
        mvc.perform(get("/api/v1/agent/sessions/sim_demo_stop/status")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.is_active").value(false));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/agent/events/evt_sim_demo_owned/settings")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agent_mode\":\"MANUAL\"}"))
                .andExpect(status().isOk());
        start(
                        tokens.other(),
                        "{\"session_id\":\"sim_demo_other\",\"scenario\":\"demo\",\"event_id\":\"evt_sim_demo_owned\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/agent/sessions/sim_demo_other/status")
                        .header("Authorization", "Bearer " + tokens.other()))
                .andExpect(jsonPath("$.is_active").value(false));
    }
}

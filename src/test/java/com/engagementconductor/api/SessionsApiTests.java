package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:sessions_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class SessionsApiTests {
    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private ResultActions register(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/agent/sessions/register")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void registrationCreatesThenIsIdempotent() throws Exception {
        String body = "{\"event_id\":\"evt_test\",\"session_id\":\"test_session_id\"}";
        register(tokens.org(), body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.session_id").value("test_session_id"))
                .andExpect(jsonPath("$.event_id").value("evt_test"))
                .andExpect(jsonPath("$.org_id").value("org_test"))
                .andExpect(jsonPath("$.agent_mode").value("MANUAL"))
                .andExpect(jsonPath("$.registered_at", endsWith("Z")))
                .andExpect(jsonPath("$.message").value("Session test_session_id registered with agent orchestrator"));
        register(tokens.org(), body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.session_id").value("test_session_id"))
                .andExpect(jsonPath("$.agent_mode").value("MANUAL"));
    }

    @Test
    void aSecondEventForTheSameSessionConflicts() throws Exception {
        register(tokens.org(), "{\"event_id\":\"evt_a\",\"session_id\":\"conflicting\"}")
                .andExpect(status().isCreated());
        register(tokens.org(), "{\"event_id\":\"evt_b\",\"session_id\":\"conflicting\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("session_conflict"));
    }

    @Test
    void anotherOrganizationCannotTakeASession() throws Exception {
        register(tokens.org(), "{\"event_id\":\"evt_x\",\"session_id\":\"owned\"}")
                .andExpect(status().isCreated());
        register(tokens.other(), "{\"event_id\":\"evt_x\",\"session_id\":\"owned\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(delete("/api/v1/agent/sessions/owned").header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isForbidden());
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() throws Exception {
        mvc.perform(get("/api/v1/agent/sessions"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(jsonPath("$.type").value("urn:engagement-conductor:problem:unauthenticated"));
        mvc.perform(get("/api/v1/agent/sessions").header("Authorization", "Bearer nonsense"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token_invalid"));
        mvc.perform(get("/api/v1/agent/sessions").header("Authorization", "Bearer " + tokens.expired()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token_expired"));
    }

    @Test
    void permissionsFollowTheMatrix() throws Exception {
        String body = "{\"event_id\":\"evt_p\",\"session_id\":\"perm_s\"}";
        register(tokens.read(), body)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        register(tokens.attendee(), body).andExpect(status().isForbidden());
        register(tokens.sign("speaker", "org_test", java.util.List.of()), body).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/agent/sessions").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/agent/sessions").header("Authorization", "Bearer " + tokens.attendee()))
                .andExpect(status().isForbidden());
    }

    @Test
    void permissionIsCheckedBeforeValidation() throws Exception {
        register(tokens.read(), "{\"mode\":").andExpect(status().isForbidden());
    }

    @Test
    void badBodiesAreProblemsNamingTheField() throws Exception {
        register(tokens.org(), "{\"session_id\":\"s_1\",\"title\":7}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("event_id"))
                .andExpect(jsonPath("$.errors[1].field").value("title"))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.instance").value("/api/v1/agent/sessions/register"));
        register(tokens.org(), "{\"event_id\":\"evt\",\"session_id\":\"bad id!\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("session_id"));
        register(tokens.org(), "{not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_json"));
        mvc.perform(get("/api/v1/agent/sessions?limit=0").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/agent/sessions?limit=abc").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void listingShowsOnlyTheCallersOrganizationAndEndingIsIdempotent() throws Exception {
        register(tokens.org(), "{\"event_id\":\"evt_l\",\"session_id\":\"mine_1\",\"title\":\"Keynote\"}");
        register(tokens.other(), "{\"event_id\":\"evt_o\",\"session_id\":\"theirs_1\"}");
        String json = mvc.perform(get("/api/v1/agent/sessions?active=all&limit=200")
                        .header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).contains("\"mine_1\"").doesNotContain("theirs_1");
        mvc.perform(delete("/api/v1/agent/sessions/mine_1").header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Session mine_1 unregistered from agent orchestrator"))
                .andExpect(jsonPath("$.unregistered_at", endsWith("Z")));
        mvc.perform(delete("/api/v1/agent/sessions/never_there").header("Authorization", "Bearer " + tokens.org()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/agent/sessions?active=false").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.sessions[0].session_id").value("mine_1"))
                .andExpect(jsonPath("$.sessions[0].is_active").value(false));
    }

    @Test
    void healthNeedsNoTokenAndUnknownRoutesAreNotFound() throws Exception {
        mvc.perform(get("/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("healthy"))
                .andExpect(jsonPath("$.version").value("1.0.0"));
        mvc.perform(get("/health/ready")).andExpect(status().isOk());
        mvc.perform(get("/health/detailed"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("healthy"))
                .andExpect(jsonPath("$.components.database.status").value("healthy"))
                .andExpect(jsonPath("$.components.database.kind").value("h2"))
                .andExpect(jsonPath("$.components.database.response_time_ms").isNumber())
                .andExpect(jsonPath("$.components.redis.status").value("embedded"))
                .andExpect(jsonPath("$.components.agent.status").value("healthy"))
                .andExpect(jsonPath("$.components.agent.active_sessions").isNumber())
                .andExpect(jsonPath("$.components.agent.pending_decisions").isNumber())
                .andExpect(jsonPath("$.components.realtime.status").value("healthy"))
                .andExpect(jsonPath("$.components.realtime.connected_sockets").value(0))
                .andExpect(jsonPath("$.components.llm.status").value("healthy"))
                .andExpect(jsonPath("$.components.llm.mode").value("templates"))
                .andExpect(jsonPath("$.components.llm.breakers").isEmpty());
        mvc.perform(get("/nothing/here"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
    }
}

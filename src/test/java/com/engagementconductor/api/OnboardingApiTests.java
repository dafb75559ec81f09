package com.engagementconductor.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code GET} and {@code PUT /api/v1/me/onboarding} (contracts §4.18, behaviour R9.3, D41) at a 3-second tick. */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.scoring.tick=3s",
            "spring.datasource.url=jdbc:h2:mem:onboarding_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class OnboardingApiTests {
    private static final String PATH = "/api/v1/me/onboarding";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private ResultActions putBody(String token, String body) throws Exception {
        return mvc.perform(put(PATH)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void theTourHasTheSevenStepsWithTheConfiguredTickAndTheDefaultTimeout() throws Exception {
        mvc.perform(get(PATH)
                        .header(
                                "Authorization",
                                "Bearer " + tokens.sign("fresh_user", "org_test", List.of("dashboard:read:live"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user_id").value("fresh_user"))
                .andExpect(jsonPath("$.completed").value(false))
                .andExpect(jsonPath("$.steps.length()").value(7))
                .andExpect(jsonPath("$.steps[*].id")
                        .value(Matchers.contains(
                                "welcome",
                                "engagement-score",
                                "anomaly-detection",
                                "interventions",
                                "agent-mode",
                                "learning",
                                "ready")))
                .andExpect(jsonPath("$.steps[0].text")
                        .value("Welcome to the Engagement Conductor. It watches your live sessions and helps you win"
                                + " back attention when it slips."))
                .andExpect(jsonPath("$.steps[1].text")
                        .value("The engagement score (0–100) is recalculated every 3 seconds from the last minute of"
                                + " chat, Q&A, reactions, polls and attendance. A quiet room makes it fall."))
                .andExpect(jsonPath("$.steps[4].text")
                        .value("Manual: you approve every action. Semi-auto: actions run on their own once they have"
                                + " worked well in similar situations; others wait for you. Auto: actions run straight"
                                + " away. Suggestions you don't answer expire after 120 seconds."))
                .andExpect(
                        jsonPath("$.steps[6].text").value("You're all set. Pick a live session to start monitoring."));
    }

    @Test
    void theApprovalTimeoutComesFromAnEventTheCallerMayRead() throws Exception {
        mvc.perform(put("/api/v1/agent/events/evt_onboard/settings")
                        .header("Authorization", "Bearer " + tokens.org())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approval_timeout_seconds\":300}"))
                .andExpect(status().isOk());
        mvc.perform(get(PATH + "?event_id=evt_onboard").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[4].text", Matchers.endsWith("expire after 300 seconds.")));
        mvc.perform(get(PATH + "?event_id=evt_onboard").header("Authorization", "Bearer " + tokens.other()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[4].text", Matchers.endsWith("expire after 120 seconds.")));
        mvc.perform(get(PATH + "?event_id=evt_never_configured").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(jsonPath("$.steps[4].text", Matchers.endsWith("expire after 120 seconds.")));
    }

    @Test
    void completingTheTourIsRememberedPerUserNotPerOrganization() throws Exception {
        String first = tokens.sign("tour_user_1", "org_test", List.of("dashboard:read:live"));
        String second = tokens.sign("tour_user_2", "org_test", List.of("event:manage"));
        putBody(first, "{\"completed\":true}")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.user_id").value("tour_user_1"))
                .andExpect(jsonPath("$.completed").value(true))
                .andExpect(jsonPath("$.steps.length()").value(7));
        mvc.perform(get(PATH).header("Authorization", "Bearer " + first))
                .andExpect(jsonPath("$.completed").value(true));
        mvc.perform(get(PATH).header("Authorization", "Bearer " + second))
                .andExpect(jsonPath("$.completed").value(false));
        putBody(first, "{\"completed\":false}")
                .andExpect(jsonPath("$.completed").value(false));
        mvc.perform(get(PATH).header("Authorization", "Bearer " + first))
                .andExpect(jsonPath("$.completed").value(false));
    }

    @Test
    void theBodyIsStrict() throws Exception {
        putBody(tokens.read(), "{\"completed\":\"yes\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("completed"));
        putBody(tokens.read(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("completed"));
        putBody(tokens.read(), "{\"completed\":true,\"skipped\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("skipped"));
        putBody(tokens.read(), "[true]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        putBody(tokens.read(), "{\"completed\":tru")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed_json"));
        mvc.perform(get(PATH + "?event_id=bad id!").header("Authorization", "Bearer " + tokens.read()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("event_id"));
    }

    @Test
    void attendeeTokensAndMissingTokensAreRefused() throws Exception {
        mvc.perform(get(PATH).header("Authorization", "Bearer " + tokens.attendee()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        putBody(tokens.attendee(), "{\"completed\":true}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden"));
        String speaker = tokens.sign("speaker_1", "org_test", List.of());
        mvc.perform(get(PATH).header("Authorization", "Bearer " + speaker)).andExpect(status().isForbidden());
        mvc.perform(get(PATH))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }
}

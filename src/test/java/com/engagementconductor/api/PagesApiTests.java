package com.engagementconductor.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The web pages' server side (contracts §1): the dashboard's page config and the attendee page route. */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.realtime.enabled=false",
            "conductor.realtime.port=3002",
            "conductor.web.trusted-proxies=10.0.0.0/8, ::1",
            "spring.datasource.url=jdbc:h2:mem:pages_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class PagesApiTests {
    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder config(String peer) {
        return get("/dashboard/config.json").with(r -> {
            r.setRemoteAddr(peer);
            return r;
        });
    }

    @Test
    void pageConfigNamesTheSocketServerOnTheRequestHostWithoutAToken() throws Exception {
        mvc.perform(config("127.0.0.1").header("Host", "localhost:8003"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(content()
                        .json(
                                "{\"socketUrl\":\"http://localhost:3002\",\"socketPath\":\"/socket.io\","
                                        + "\"namespace\":\"/events\",\"apiBase\":\"/api/v1\",\"version\":\"1.0.0\"}",
                                org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void pageConfigKeepsTheHostTheBrowserUsedAndReplacesItsPort() throws Exception {
        mvc.perform(config("192.168.1.20").header("Host", "conductor.example.org:8003"))
                .andExpect(jsonPath("$.socketUrl").value("http://conductor.example.org:3002"));
        mvc.perform(config("192.168.1.20").header("Host", "[::1]:8003"))
                .andExpect(jsonPath("$.socketUrl").value("http://[::1]:3002"));
        mvc.perform(config("192.168.1.20").header("Host", "10.1.2.3"))
                .andExpect(jsonPath("$.socketUrl").value("http://10.1.2.3:3002"));
    }

    @Test
    void forwardedHeadersCountOnlyFromTrustedProxies() throws Exception {
        mvc.perform(config("10.0.0.7")
                        .header("Host", "internal:8003")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "events.example.com, internal"))
                .andExpect(jsonPath("$.socketUrl").value("https://events.example.com:3002"));
        mvc.perform(config("::1")
                        .header("Host", "internal:8003")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "events.example.com"))
                .andExpect(jsonPath("$.socketUrl").value("https://events.example.com:3002"));
        mvc.perform(config("203.0.113.9")
                        .header("Host", "internal:8003")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "evil.example.com"))
                .andExpect(jsonPath("$.socketUrl").value("http://internal:3002"));
    }

    @Test
    void aForwardedHostThatIsNoHostNameIsIgnored() throws Exception {
        mvc.perform(config("10.0.0.7")
                        .header("Host", "internal:8003")
                        .header("X-Forwarded-Proto", "javascript")
                        .header("X-Forwarded-Host", "evil.example.com/\"><script>"))
                .andExpect(jsonPath("$.socketUrl").value("http://internal:3002"));
    }

    @Test
    void theAttendeePageIsServedForValidSessionIdsWithoutAToken() throws Exception {
        mvc.perform(get("/attend/sess_demo-1"))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/attend/index.html"));
        mvc.perform(get("/attend/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Engagement Conductor")));
    }

    @Test
    void invalidSessionIdsOnTheAttendeePageAre404() throws Exception {
        mvc.perform(get("/attend/bad id!"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(get("/attend/" + "a".repeat(101)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not_found"));
        mvc.perform(get("/attend/a.b")).andExpect(status().isNotFound());
    }
}

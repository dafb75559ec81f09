package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * REST rate limiting with the contract's numbers (contracts §6) on a frozen clock: the 61st request and the 4th
 * intervention are refused with the exact headers and body, keys are the token's sub or the client IP under
 * {@code TRUSTED_PROXIES}, 401 answers count, exempt paths and preflights never do.
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.api.rate-limit.default.capacity=60",
            "conductor.api.rate-limit.interventions.capacity=3",
            "conductor.web.trusted-proxies=10.0.0.0/8, fd00::/8",
            "spring.datasource.url=jdbc:h2:mem:rate_limit_api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@AutoConfigureMockMvc
@Import(ConductorTestConfiguration.class)
class RateLimitApiTests {
    private static final String ORIGIN = "http://localhost:3000";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    TestTokens tokens;

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    private String reader(String sub) {
        return tokens.sign(sub, "org_test", List.of("dashboard:read:live"));
    }

    private String organizer(String sub) {
        return tokens.sign(sub, "org_test", List.of("event:manage"));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static MockHttpServletRequestBuilder list(String token) {
        MockHttpServletRequestBuilder request = get("/api/v1/agent/sessions").header("Origin", ORIGIN);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String peer) {
        return request.with(r -> {
            r.setRemoteAddr(peer);
            return r;
        });
    }

    private double rejected(String limitClass) {
        return meters.counter("conductor.rate.limited", "class", limitClass).count();
    }

    @Test
    void theSixtyFirstBackToBackRequestIsRefusedForOneSecondWithHeadersBodyAndCors() throws Exception {
        String token = reader("user_rl_burst");
        double before = rejected("default");
        MockHttpServletResponse first = send(list(token));
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("RateLimit-Limit")).isEqualTo("60");
        assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("59");
        assertThat(first.getHeader("RateLimit-Reset")).isEqualTo("1");
        for (int i = 2; i <= 60; i++) {
            assertThat(send(list(token)).getStatus()).as("request %d", i).isEqualTo(200);
        }

        MockHttpServletResponse refused = send(list(token));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeader("RateLimit-Limit")).isEqualTo("60");
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getHeader("RateLimit-Reset")).isEqualTo("60");
        assertThat(refused.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(refused.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(refused.getHeader("Access-Control-Expose-Headers"))
                .contains("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode body = json.readTree(refused.getContentAsString());
        assertThat(body.get("type").asString()).isEqualTo("urn:engagement-conductor:problem:rate_limited");
        assertThat(body.get("title").asString()).isEqualTo("Too many requests");
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/agent/sessions");
        assertThat(body.get("code").asString()).isEqualTo("rate_limited");
        assertThat(body.get("retryAfter").isIntegralNumber()).isTrue();
        assertThat(body.get("retryAfter").asInt()).isEqualTo(1);
        assertThat(rejected("default") - before).isEqualTo(1.0);

        MockHttpServletResponse other = send(list(reader("user_rl_bystander")));
        assertThat(other.getStatus()).as("another subject has its own bucket").isEqualTo(200);
        assertThat(other.getHeader("RateLimit-Remaining")).isEqualTo("59");

        clock.advance(Duration.ofSeconds(1));
        assertThat(send(list(token)).getStatus())
                .as("one token back after one second")
                .isEqualTo(200);
        assertThat(send(list(token)).getStatus()).isEqualTo(429);
    }

    @Test
    void theFourthBackToBackInterventionIsRefusedForSixSeconds() throws Exception {
        String token = organizer("user_rl_interventions");
        MockHttpServletRequestBuilder manual = post("/api/v1/interventions/manual")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
        MockHttpServletRequestBuilder approve = post("/api/v1/agent/sessions/sess_rl/decisions/"
                        + "6f1c2a0e-0000-4000-8000-000000000001/approve")
                .header("Authorization", "Bearer " + token);
        assertThat(send(manual).getStatus()).as("invalid body, still counted").isEqualTo(400);
        assertThat(send(approve).getStatus()).isNotEqualTo(429);
        MockHttpServletResponse third = send(manual);
        assertThat(third.getStatus()).isEqualTo(400);
        assertThat(third.getHeader("RateLimit-Limit")).isEqualTo("3");
        assertThat(third.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(third.getHeader("RateLimit-Reset")).isEqualTo("18");

        MockHttpServletResponse fourth = send(approve);

        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(fourth.getHeader("Retry-After")).isEqualTo("6");
        assertThat(json.readTree(fourth.getContentAsString()).get("retryAfter").asInt())
                .isEqualTo(6);
        assertThat(send(manual).getStatus()).isEqualTo(429);
        assertThat(send(list(reader("user_rl_interventions"))).getStatus())
                .as("the default class is a bucket of its own")
                .isEqualTo(200);
    }

    @Test
    void exemptPathsAndPreflightsAreNeverLimited() throws Exception {
        String token = reader("user_rl_exempt");
        for (int i = 0; i < 61; i++) {
            send(list(token));
        }
        assertThat(send(list(token)).getStatus()).isEqualTo(429);
        for (String path : List.of("/health", "/health/ready", "/metrics", "/actuator/prometheus", "/dashboard/")) {
            for (int i = 0; i < 70; i++) {
                MockHttpServletResponse response = send(get(path).header("Authorization", "Bearer " + token));
                assertThat(response.getStatus()).as(path).isNotEqualTo(429);
                assertThat(response.getHeader("RateLimit-Limit")).as(path).isNull();
            }
        }
        MockHttpServletResponse preflight = send(options("/api/v1/agent/sessions")
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Authorization", "Bearer " + token));
        assertThat(preflight.getStatus()).isEqualTo(200);
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(preflight.getHeader("RateLimit-Limit")).isNull();
    }

    @Test
    void withoutATokenTheClientIpIsTheKeyAndUnauthorizedAnswersCount() throws Exception {
        String peer = "203.0.113.61";
        for (int i = 1; i <= 30; i++) {
            assertThat(send(from(list(null), peer)).getStatus()).isEqualTo(401);
        }
        for (int i = 31; i <= 60; i++) {
            MockHttpServletResponse bad = send(from(list("not.a.token"), peer));
            assertThat(bad.getStatus())
                    .as("an invalid token counts against the IP")
                    .isEqualTo(401);
        }
        MockHttpServletResponse refused = send(from(list(null), peer));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(send(from(list(null), "203.0.113.62")).getStatus())
                .as("another IP")
                .isEqualTo(401);
        assertThat(send(from(list(reader("user_rl_same_ip")), peer)).getStatus())
                .as("a valid token from the same IP is keyed by its sub")
                .isEqualTo(200);
    }

    @Test
    void forwardedForCountsOnlyFromTrustedProxiesAndTheRightMostUntrustedHopIsTheKey() throws Exception {
        String client = "198.51.100.77";
        for (int i = 0; i < 60; i++) {
            MockHttpServletRequestBuilder viaProxy = from(list(null), i % 2 == 0 ? "10.0.0.2" : "fd00::5")
                    .header("X-Forwarded-For", "1.2.3." + i + ", " + client + ", 10.9.9.9");
            assertThat(send(viaProxy).getStatus()).isEqualTo(401);
        }
        assertThat(send(from(list(null), "10.0.0.3").header("X-Forwarded-For", client))
                        .getStatus())
                .as("the same client through another trusted proxy shares the bucket")
                .isEqualTo(429);
        assertThat(send(from(list(null), "10.0.0.3").header("X-Forwarded-For", "198.51.100.78"))
                        .getStatus())
                .as("another forwarded client")
                .isEqualTo(401);
        assertThat(send(from(list(null), "203.0.113.80").header("X-Forwarded-For", client))
                        .getStatus())
                .as("an untrusted peer is keyed by its own address whatever it forwards")
                .isEqualTo(401);
        for (int i = 0; i < 60; i++) {
            send(from(list(null), "10.0.0.4"));
        }
        assertThat(send(from(list(null), "10.0.0.4").header("X-Forwarded-For", "198.51.100.79"))
                        .getStatus())
                .as("the proxy's own bucket is not its clients'")
                .isEqualTo(401);
    }

    @Test
    void refusalsAreExportedAsConductorRateLimitedTotalPerClass() throws Exception {
        String token = reader("user_rl_metric");
        for (int i = 0; i < 62; i++) {
            send(list(token));
        }
        String prometheus = send(get("/actuator/prometheus")).getContentAsString();
        assertThat(prometheus.lines())
                .anySatisfy(line -> assertThat(line).startsWith("conductor_rate_limited_total{class=\"default\"} "))
                .anySatisfy(
                        line -> assertThat(line).startsWith("conductor_rate_limited_total{class=\"interventions\"} "));
        double exported = prometheus
                .lines()
                .filter(line -> line.startsWith("conductor_rate_limited_total{class=\"default\"} "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
        assertThat(exported).isEqualTo(rejected("default")).isGreaterThanOrEqualTo(2.0);
    }
}

package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.engagementconductor.agent.Decision;
import com.engagementconductor.agent.DecisionStore;
import com.engagementconductor.agent.Resolution;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.simulation.Simulations;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The permission matrix of contracts §3.5 for every REST endpoint the controllers map: no token, an attendee
 * token, a speaker (an {@code orgId} but no permission), another organization's {@code event:manage}
 * organizer, a {@code dashboard:read:live} reader and an {@code event:manage} organizer of the owning
 * organization, and a platform admin of another organization. Each cell runs on its own freshly registered
 * session of {@code org_test}, with a request that is valid apart from the caller, so the answer shows
 * authorization and nothing else; every token has a fresh {@code sub}. A mapped endpoint missing from the table
 * fails {@link #everyMappedEndpointIsInTheTable()}.
 */
@ApiSuite
class TenancyMatrixTests {
    static final String OWNER_ORG = "org_test";

    /** The callers, in the order of the table's columns. */
    enum Who {
        NONE,
        ATTENDEE,
        SPEAKER,
        OTHER_ORG,
        READER,
        MANAGER,
        PLATFORM_ADMIN
    }

    /** What one request needs: a session of the owning organization, its event, and lazily a decision or simulation. */
    final class Fixture {
        final String session;
        final String event;
        private @Nullable UUID decision;
        private @Nullable UUID simulation;

        Fixture(String session, String event) {
            this.session = session;
            this.event = event;
        }

        /** A pending decision of the session. */
        String decision() {
            if (decision == null) {
                UUID id = UUID.randomUUID();
                decisions.insert(new Decision(
                        id,
                        session,
                        event,
                        clock.instant(),
                        clock.instant().plusSeconds(120),
                        InterventionType.POLL,
                        "SUDDEN_DROP_low_medium_severe",
                        0.58,
                        0.47,
                        "SUDDEN_DROP (CRITICAL): matrix fixture",
                        null,
                        Resolution.PENDING));
                decision = id;
            }
            return decision.toString();
        }

        /** A running simulation of the session, started by its organizer. */
        String simulation() throws Exception {
            if (simulation == null) {
                MockHttpServletResponse r = mvc.perform(json(
                                post("/api/v1/simulations"),
                                manager(),
                                "{\"session_id\":\"" + session + "\",\"scenario\":\"steady\",\"attendees\":5,"
                                        + "\"seed\":7}"))
                        .andReturn()
                        .getResponse();
                assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
                simulation = UUID.fromString(mapper.readTree(r.getContentAsString())
                        .path("simulation_id")
                        .asString());
            }
            return simulation.toString();
        }
    }

    /** One row: an endpoint, how to call it validly, and the expected outcome per caller (columns of {@link Who}). */
    record Row(
            String method,
            String pattern,
            Request request,
            List<String> expected,
            /* specified (§4.15, §3.2) but not mapped yet: the row runs once the endpoint is */
            boolean pending) {}

    @FunctionalInterface
    interface Request {
        MockHttpServletRequestBuilder build(Fixture f) throws Exception;
    }

    /** The outcomes of a READ operation, a WRITE operation and a public path (contracts §3.5, §3.2). */
    static final String READ = "401 unauthenticated | 403 forbidden | 403 forbidden | 403 forbidden | 200 | 200 | 200";

    static final String WRITE =
            "401 unauthenticated | 403 forbidden | 403 forbidden | 403 forbidden | 403 forbidden | 200 | 200";
    static final String PUBLIC = "200 | 200 | 200 | 200 | 200 | 200 | 200";

    /** READ of the caller's own record (§3.5: no organization check). */
    static final String OWN = "401 unauthenticated | 403 forbidden | 403 forbidden | 200 | 200 | 200 | 200";

    static Row row(String method, String pattern, String expected, Request request) {
        return new Row(method, pattern, request, List.of(expected.split(" \\| ")), false);
    }

    static Row later(String method, String pattern, String expected, Request request) {
        return new Row(method, pattern, request, List.of(expected.split(" \\| ")), true);
    }

    /** Handler mappings that are not part of the API and so not of the matrix, with the reason. */
    static final Map<String, String> OUTSIDE_THE_MATRIX = Map.of(
            "* /error",
            "the servlet container's error page, reached only by forwards",
            "GET /swagger-ui.html",
            "a redirect to the API description's viewer (/swagger-ui/index.html)");

    /**
     * The matrix: per row the outcome for each caller, in the order none | attendee | speaker | other organization's
     * event:manage | reader | manager | platform admin (§3.5; "200" a success, else the status and problem code).
     */
    static final List<Row> TABLE = List.of(
            row("PUT", "/api/v1/agent/sessions/{sessionId}/mode", WRITE, f -> put("/api/v1/agent/sessions/" + f.session
                            + "/mode")
                    .content("{\"mode\":\"SEMI_AUTO\"}")),
            row(
                    "GET",
                    "/api/v1/agent/sessions/{sessionId}/status",
                    READ,
                    f -> get("/api/v1/agent/sessions/" + f.session + "/status")),
            row("POST", "/api/v1/agent/sessions/register", WRITE, f -> post("/api/v1/agent/sessions/register")
                    .content("{\"event_id\":\"" + f.event + "\",\"session_id\":\"" + f.session + "\",\"org_id\":\""
                            + OWNER_ORG + "\",\"title\":\"Matrix\"}")),
            row(
                    "DELETE",
                    "/api/v1/agent/sessions/{sessionId}",
                    WRITE,
                    f -> delete("/api/v1/agent/sessions/" + f.session)),
            // a list has no owner to check: an organizer sees its own organization's sessions, an admin all
            row(
                    "GET",
                    "/api/v1/agent/sessions",
                    "401 unauthenticated | 403 forbidden | 403 forbidden | 200 | 200 | 200 | 200",
                    f -> get("/api/v1/agent/sessions").param("active", "all")),
            row(
                    "POST",
                    "/api/v1/agent/sessions/{sessionId}/decisions/{decisionId}/approve",
                    WRITE,
                    f -> post("/api/v1/agent/sessions/" + f.session + "/decisions/" + f.decision() + "/approve")),
            row(
                    "POST",
                    "/api/v1/agent/sessions/{sessionId}/decisions/{decisionId}/reject",
                    WRITE,
                    f -> post("/api/v1/agent/sessions/" + f.session + "/decisions/" + f.decision() + "/reject")
                            .content("{\"reason\":\"Too soon\"}")),
            row("GET", "/api/v1/agent/sessions/{sessionId}/decisions", READ, f -> get("/api/v1/agent/sessions/"
                            + f.session + "/decisions")
                    .param("state", "all")),
            row(
                    "GET",
                    "/api/v1/agent/events/{eventId}/settings",
                    READ,
                    f -> get("/api/v1/agent/events/" + f.event + "/settings")),
            row("PUT", "/api/v1/agent/events/{eventId}/settings", WRITE, f -> put("/api/v1/agent/events/" + f.event
                            + "/settings")
                    .content("{\"notify_on_anomaly\":false}")),
            row("POST", "/api/v1/interventions/manual", WRITE, f -> post("/api/v1/interventions/manual")
                    .content("{\"session_id\":\"" + f.session + "\",\"event_id\":\"" + f.event
                            + "\",\"intervention_type\":\"BROADCAST\",\"reason\":\"Pulse check\","
                            + "\"context\":{\"message\":\"One question you still have?\"}}")),
            row("GET", "/api/v1/interventions/history/{sessionId}", READ, f -> get("/api/v1/interventions/history/"
                            + f.session)
                    .param("limit", "20")),
            row(
                    "GET",
                    "/api/v1/interventions/history/event/{eventId}",
                    READ,
                    f -> get("/api/v1/interventions/history/event/" + f.event).param("hours", "24")),
            row(
                    "GET",
                    "/api/v1/interventions/stats/{sessionId}",
                    READ,
                    f -> get("/api/v1/interventions/stats/" + f.session)),
            row("GET", "/api/v1/sessions/{sessionId}/engagement", READ, f -> get("/api/v1/sessions/" + f.session
                            + "/engagement")
                    .param("limit", "10")),
            row(
                    "POST",
                    "/api/v1/sessions/{sessionId}/signals",
                    "401 unauthenticated | 403 forbidden | 403 forbidden | 403 forbidden | 403 forbidden | 202 | 202",
                    f -> post("/api/v1/sessions/" + f.session + "/signals")
                            .content("{\"signals\":[{\"type\":\"join\",\"user_id\":\"u1\"},"
                                    + "{\"type\":\"chat\",\"user_id\":\"u1\",\"text\":\"hi\"}]}")),
            row(
                    "POST",
                    "/api/v1/simulations",
                    "401 unauthenticated | 403 forbidden | 403 forbidden | 403 forbidden | 403 forbidden | 201 | 201",
                    f -> post("/api/v1/simulations")
                            .content("{\"session_id\":\"" + f.session
                                    + "\",\"scenario\":\"steady\",\"attendees\":5,\"seed\":42}")),
            row("GET", "/api/v1/simulations/{simulationId}", READ, f -> get("/api/v1/simulations/" + f.simulation())),
            row(
                    "DELETE",
                    "/api/v1/simulations/{simulationId}",
                    WRITE,
                    f -> delete("/api/v1/simulations/" + f.simulation())),
            row("GET", "/health", PUBLIC, f -> get("/health")),
            row("GET", "/health/ready", PUBLIC, f -> get("/health/ready")),
            row("GET", "/health/detailed", PUBLIC, f -> get("/health/detailed")),
            row("GET", "/metrics", PUBLIC, f -> get("/metrics")),
            row("GET", "/api/v1/sessions/{sessionId}/export", READ, f -> get("/api/v1/sessions/" + f.session
                            + "/export")
                    .param("format", "json")),
            row("GET", "/v3/api-docs", PUBLIC, f -> get("/v3/api-docs")),
            row("GET", "/v3/api-docs/swagger-config", PUBLIC, f -> get("/v3/api-docs/swagger-config")),
            row("GET", "/v3/api-docs.yaml", PUBLIC, f -> get("/v3/api-docs.yaml")),
            row("GET", "/dashboard/config.json", PUBLIC, f -> get("/dashboard/config.json")),
            row("GET", "/attend/{sessionId:[A-Za-z0-9_-]{1,100}}", PUBLIC, f -> get("/attend/" + f.session)),
            row("GET", "/attend/{sessionId:[A-Za-z0-9_-]{1,100}}/", PUBLIC, f -> get("/attend/" + f.session + "/")),
            // the caller's own tour record: no organization check, so another organization's organizer reads it too
            row("GET", "/api/v1/me/onboarding", OWN, f -> get("/api/v1/me/onboarding")
                    .param("event_id", f.event)),
            row("PUT", "/api/v1/me/onboarding", OWN, f -> put("/api/v1/me/onboarding")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"completed\":true}")),
            row("GET", "/api/v1/events/{eventId}/uplift", READ, f -> get("/api/v1/events/" + f.event + "/uplift")));

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    DecisionStore decisions;

    @Autowired
    Simulations simulations;

    @Autowired
    JsonMapper mapper;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestTokens tokens;
    static final AtomicInteger SUBJECTS = new AtomicInteger();
    static final AtomicInteger SESSIONS = new AtomicInteger();

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
    }

    /** A token for the caller, each with a fresh {@code sub} (the REST rate limit is per subject). */
    @Nullable
    String token(Who who) {
        String sub = "mx_" + who.name().toLowerCase(java.util.Locale.ROOT) + "_" + SUBJECTS.incrementAndGet();
        return switch (who) {
            case NONE -> null;
            case ATTENDEE -> tokens.sign(sub, null, List.of());
            case SPEAKER -> tokens.sign(sub, OWNER_ORG, List.of());
            case OTHER_ORG -> tokens.sign(sub, "org_other", List.of("event:manage"));
            case READER -> tokens.sign(sub, OWNER_ORG, List.of("dashboard:read:live"));
            case MANAGER -> tokens.sign(sub, OWNER_ORG, List.of("event:manage"));
            case PLATFORM_ADMIN -> tokens.platformAdmin(sub, "org_admin", List.of("*"));
        };
    }

    String manager() {
        return java.util.Objects.requireNonNull(token(Who.MANAGER));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, @Nullable String token, String body) {
        b.contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            b.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return b;
    }

    /** A session of the owning organization, registered by its organizer. */
    Fixture fixture() throws Exception {
        int n = SESSIONS.incrementAndGet();
        Fixture f = new Fixture("mx_s" + n, "mx_e" + n);
        MockHttpServletResponse r = mvc.perform(json(
                        post("/api/v1/agent/sessions/register"),
                        manager(),
                        "{\"event_id\":\"" + f.event + "\",\"session_id\":\"" + f.session + "\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return f;
    }

    static String key(String method, String pattern) {
        return method + " " + pattern;
    }

    /** Every (method, pattern) the controllers map; a mapping without methods answers every method ({@code *}). */
    Set<String> mapped() {
        Set<String> out = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().stream()
                    .map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    out.add(key("*", pattern));
                } else {
                    methods.forEach(m -> out.add(key(m, pattern)));
                }
            }
        }
        return out;
    }

    @Test
    void everyMappedEndpointIsInTheTable() {
        Set<String> listed =
                TABLE.stream().map(r -> key(r.method(), r.pattern())).collect(Collectors.toSet());
        listed.addAll(OUTSIDE_THE_MATRIX.keySet());
        assertThat(mapped())
                .as("endpoints mapped by the controllers but missing from TenancyMatrixTests.TABLE")
                .allMatch(listed::contains, "listed in the table");
        Set<String> stale = new TreeSet<>();
        Set<String> mapped = mapped();
        TABLE.stream()
                .filter(r -> !r.pending())
                .map(r -> key(r.method(), r.pattern()))
                .filter(k -> !mapped.contains(k))
                .forEach(stale::add);
        assertThat(stale).as("table rows whose endpoint is no longer mapped").isEmpty();
        assertThat(TABLE).allSatisfy(r -> assertThat(r.expected()).hasSize(Who.values().length));
    }

    @TestFactory
    Stream<DynamicNode> everyCallerGetsTheOutcomeOfThePermissionMatrix() {
        Set<String> mapped = mapped();
        return TABLE.stream()
                .map(row -> DynamicContainer.dynamicContainer(
                        key(row.method(), row.pattern()),
                        Stream.of(Who.values())
                                .map(who -> DynamicTest.dynamicTest(
                                        who + " → " + row.expected().get(who.ordinal()),
                                        () -> cell(row, who, mapped)))));
    }

    private void cell(Row row, Who who, Set<String> mapped) throws Exception {
        Assumptions.assumeTrue(
                mapped.contains(key(row.method(), row.pattern())), "not mapped in this build: " + row.pattern());
        Fixture f = fixture();
        List<UUID> started = new ArrayList<>();
        try {
            MockHttpServletRequestBuilder b = row.request().build(f).contentType(MediaType.APPLICATION_JSON);
            String token = token(who);
            if (token != null) {
                b.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            MockHttpServletResponse r = mvc.perform(b).andReturn().getResponse();
            String body = r.getContentAsString();
            String expected = row.expected().get(who.ordinal());
            assertThat(outcome(r))
                    .as("%s %s as %s: %s", row.method(), row.pattern(), who, body)
                    .isEqualTo(expected);
            if (r.getStatus() >= 400) {
                assertThat(r.getContentType()).startsWith("application/problem+json");
            }
            if (r.getStatus() == 401) {
                assertThat(r.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
            }
            if (r.getStatus() == 201 && row.pattern().equals("/api/v1/simulations")) {
                started.add(UUID.fromString(
                        mapper.readTree(body).path("simulation_id").asString()));
            }
        } finally {
            if (f.simulation != null) {
                started.add(f.simulation);
            }
            started.forEach(simulations::stop);
        }
    }

    /** {@code "200"} for a success, {@code "403 forbidden"} for a problem: the status and the problem's code. */
    private String outcome(MockHttpServletResponse r) throws Exception {
        if (r.getStatus() < 400) {
            return String.valueOf(r.getStatus());
        }
        JsonNode problem = mapper.readTree(r.getContentAsString());
        return r.getStatus() + " " + problem.path("code").asString("<no code>");
    }
}

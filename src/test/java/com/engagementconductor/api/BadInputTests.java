package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated bad input for every endpoint with a body, a path or a query parameter (contracts §4, §5): malformed
 * JSON, wrong JSON types, unknown enum values, bodies over 1 MiB, ids breaking §0 rule 5, decision and simulation
 * ids that are not UUIDs, limits and offsets out of range, and unknown sessions, decisions and simulations. Every
 * answer is a 4xx problem with a §5 code, naming the offending field on validation failures, and never a 5xx.
 * Seeded, so a run repeats; each try signs a token with a fresh {@code sub} (the REST rate limit is per subject).
 */
class BadInputTests {
    static final String SEED = "20261125";
    static final String SESSION = "bi_live";
    static final String EVENT = "bi_evt";
    static final int MIB = 1024 * 1024;
    /** A well-formed decision id that no decision has. */
    static final String DECISION = "7d9c2a1e-5b3f-4c8e-9a6d-1f2e3d4c5b6a";

    /** The §5 codes and their statuses. */
    static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("validation_failed", 400),
            Map.entry("malformed_json", 400),
            Map.entry("unauthenticated", 401),
            Map.entry("token_invalid", 401),
            Map.entry("token_expired", 401),
            Map.entry("forbidden", 403),
            Map.entry("not_found", 404),
            Map.entry("session_not_found", 404),
            Map.entry("decision_not_found", 404),
            Map.entry("simulation_not_found", 404),
            Map.entry("method_not_allowed", 405),
            Map.entry("decision_not_pending", 409),
            Map.entry("session_conflict", 409),
            Map.entry("simulation_running", 409),
            Map.entry("simulation_unsupported", 409),
            Map.entry("payload_too_large", 413),
            Map.entry("unsupported_media_type", 415),
            Map.entry("session_not_live", 422),
            Map.entry("intervention_blocked", 422),
            Map.entry("rate_limited", 429));

    /** Requests sent by the properties, counted here as well as in jqwik's report. */
    static final AtomicInteger REQUESTS = new AtomicInteger();

    static final AtomicInteger SUBJECTS = new AtomicInteger();

    /** What a case must get: a status, a problem code and, on validation failures, a field named in errors[]. */
    record Expect(int status, String code, @Nullable String field) {
        static Expect invalid(String field) {
            return new Expect(400, "validation_failed", field);
        }
    }

    /** One generated request and its expected answer. */
    record Case(
            String method,
            String path,
            Map<String, String> query,
            byte @Nullable [] body,
            Expect expect,
            String contentType) {
        Case(String method, String path, Map<String, String> query, byte @Nullable [] body, Expect expect) {
            this(method, path, query, body, expect, MediaType.APPLICATION_JSON_VALUE);
        }

        @Override
        public String toString() {
            String shown = body == null
                    ? ""
                    : body.length > 300
                            ? " body[" + body.length + " bytes]"
                            : " body " + new String(body, StandardCharsets.UTF_8);
            String type = contentType.equals(MediaType.APPLICATION_JSON_VALUE) ? "" : " (" + contentType + ")";
            return method + " " + path + (query.isEmpty() ? "" : " " + query) + type + shown + " → " + expect;
        }
    }

    /** The shared context, its MockMvc, and the session every valid base request names. */
    static final class Suite {
        static final Suite INSTANCE = new Suite();
        final MockMvc mvc;
        final MutableClock clock;
        final TestTokens tokens;

        private Suite() {
            ApplicationContext context = ApiSuite.Context.get();
            mvc = context.getBean(MockMvc.class);
            clock = context.getBean(MutableClock.class);
            tokens = new TestTokens(clock);
            try {
                int status = mvc.perform(MockMvcRequestBuilders.post("/api/v1/agent/sessions/register")
                                .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"event_id\":\"" + EVENT + "\",\"session_id\":\"" + SESSION + "\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status).isIn(200, 201);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String manager() {
            return tokens.sign("bi_" + SUBJECTS.incrementAndGet(), "org_test", List.of("event:manage"));
        }
    }

    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // ---- the endpoints -------------------------------------------------------------------------------------

    /** A JSON field of a body endpoint and the kind of value it takes. */
    enum Kind {
        STRING,
        NUMBER,
        INTEGER,
        BOOLEAN,
        ARRAY,
        OBJECT,
        /** an array or null */
        ARRAY_OR_NULL
    }

    /** An endpoint that reads a JSON body: a valid base body and its fields with their kinds. */
    record BodyEndpoint(String method, String path, String base, Map<String, Kind> fields, String wholeBodyField) {
        ObjectNode baseNode() {
            return (ObjectNode) STRICT.readTree(base);
        }
    }

    static final String SIGNAL = "{\"type\":\"chat\",\"user_id\":\"u1\",\"text\":\"hi\"}";

    static final List<BodyEndpoint> BODY_ENDPOINTS = List.of(
            new BodyEndpoint(
                    "PUT",
                    "/api/v1/agent/sessions/" + SESSION + "/mode",
                    "{\"mode\":\"MANUAL\",\"event_id\":\"" + EVENT + "\"}",
                    Map.of("mode", Kind.STRING, "event_id", Kind.STRING),
                    "body"),
            new BodyEndpoint(
                    "POST",
                    "/api/v1/agent/sessions/register",
                    "{\"event_id\":\"" + EVENT + "\",\"session_id\":\"" + SESSION + "\",\"org_id\":\"org_test\","
                            + "\"title\":\"Keynote\",\"topic\":\"Costs\",\"metadata\":{\"room\":\"A\"}}",
                    Map.of(
                            "event_id", Kind.STRING,
                            "session_id", Kind.STRING,
                            "org_id", Kind.STRING,
                            "title", Kind.STRING,
                            "topic", Kind.STRING,
                            "metadata", Kind.OBJECT),
                    "body"),
            new BodyEndpoint(
                    "POST",
                    "/api/v1/agent/sessions/" + SESSION + "/decisions/" + DECISION + "/reject",
                    "{\"reason\":\"Too soon\"}",
                    Map.of("reason", Kind.STRING),
                    "body"),
            new BodyEndpoint(
                    "PUT",
                    "/api/v1/agent/events/" + EVENT + "/settings",
                    "{\"agent_enabled\":true,\"agent_mode\":\"MANUAL\",\"auto_approve_threshold\":0.8,"
                            + "\"min_confidence_threshold\":0.5,\"allowed_interventions\":[\"POLL\"],"
                            + "\"max_interventions_per_hour\":10,\"holdout_fraction\":0.0,"
                            + "\"approval_timeout_seconds\":120,\"notify_on_anomaly\":true,"
                            + "\"notify_on_intervention\":true,\"notification_emails\":[\"ops@example.com\"]}",
                    Map.ofEntries(
                            Map.entry("agent_enabled", Kind.BOOLEAN),
                            Map.entry("agent_mode", Kind.STRING),
                            Map.entry("auto_approve_threshold", Kind.NUMBER),
                            Map.entry("min_confidence_threshold", Kind.NUMBER),
                            Map.entry("allowed_interventions", Kind.ARRAY_OR_NULL),
                            Map.entry("max_interventions_per_hour", Kind.INTEGER),
                            Map.entry("holdout_fraction", Kind.NUMBER),
                            Map.entry("approval_timeout_seconds", Kind.INTEGER),
                            Map.entry("notify_on_anomaly", Kind.BOOLEAN),
                            Map.entry("notify_on_intervention", Kind.BOOLEAN),
                            Map.entry("notification_emails", Kind.ARRAY_OR_NULL)),
                    "body"),
            new BodyEndpoint(
                    "POST",
                    "/api/v1/interventions/manual",
                    "{\"session_id\":\"" + SESSION + "\",\"event_id\":\"" + EVENT + "\",\"intervention_type\":\"POLL\","
                            + "\"reason\":\"Pulse check\",\"context\":{\"question\":\"How is the pace?\","
                            + "\"options\":[\"Fast\",\"Fine\",\"Slow\"]}}",
                    Map.of(
                            "session_id", Kind.STRING,
                            "event_id", Kind.STRING,
                            "intervention_type", Kind.STRING,
                            "reason", Kind.STRING,
                            "context", Kind.OBJECT),
                    "body"),
            new BodyEndpoint(
                    "POST",
                    "/api/v1/sessions/" + SESSION + "/signals",
                    "{\"signals\":[" + SIGNAL + "]}",
                    Map.of("signals", Kind.ARRAY),
                    "signals"),
            new BodyEndpoint(
                    "POST",
                    "/api/v1/simulations",
                    "{\"session_id\":\"" + SESSION + "\",\"scenario\":\"steady\",\"attendees\":5,\"speed\":1.0,"
                            + "\"seed\":1,\"event_id\":\"" + EVENT + "\"}",
                    Map.of(
                            "session_id", Kind.STRING,
                            "scenario", Kind.STRING,
                            "attendees", Kind.INTEGER,
                            "speed", Kind.NUMBER,
                            "seed", Kind.INTEGER,
                            "event_id", Kind.STRING),
                    "body"));

    /** The fields of one signal item (paths inside the signals body), with their kinds. */
    static final Map<String, Kind> SIGNAL_FIELDS =
            Map.of("type", Kind.STRING, "user_id", Kind.STRING, "timestamp", Kind.STRING, "text", Kind.STRING);

    /** The manual overrides of a POLL (§4.9), reported as {@code context.<key>}. */
    static final Map<String, Kind> POLL_CONTEXT_FIELDS =
            Map.of("question", Kind.STRING, "options", Kind.ARRAY, "duration_seconds", Kind.INTEGER);

    /** Path templates with one session or event id (§0 rule 5), the parameter name, and the method. */
    record PathEndpoint(String method, String template, String field) {}

    static final List<PathEndpoint> PATH_IDS = List.of(
            new PathEndpoint("PUT", "/api/v1/agent/sessions/{id}/mode", "session_id"),
            new PathEndpoint("GET", "/api/v1/agent/sessions/{id}/status", "session_id"),
            new PathEndpoint("DELETE", "/api/v1/agent/sessions/{id}", "session_id"),
            new PathEndpoint("GET", "/api/v1/agent/sessions/{id}/decisions", "session_id"),
            new PathEndpoint("POST", "/api/v1/agent/sessions/{id}/decisions/" + DECISION + "/approve", "session_id"),
            new PathEndpoint("POST", "/api/v1/agent/sessions/{id}/decisions/" + DECISION + "/reject", "session_id"),
            new PathEndpoint("GET", "/api/v1/agent/events/{id}/settings", "event_id"),
            new PathEndpoint("PUT", "/api/v1/agent/events/{id}/settings", "event_id"),
            new PathEndpoint("GET", "/api/v1/interventions/history/{id}", "session_id"),
            new PathEndpoint("GET", "/api/v1/interventions/history/event/{id}", "event_id"),
            new PathEndpoint("GET", "/api/v1/interventions/stats/{id}", "session_id"),
            new PathEndpoint("GET", "/api/v1/sessions/{id}/engagement", "session_id"),
            new PathEndpoint("POST", "/api/v1/sessions/{id}/signals", "session_id"));

    /** The valid body a path-id case sends along, so only the id is wrong. */
    static @Nullable String validBodyFor(PathEndpoint e) {
        if (e.template().endsWith("/mode")) {
            return "{\"mode\":\"MANUAL\"}";
        }
        if (e.template().endsWith("/settings") && e.method().equals("PUT")) {
            return "{\"notify_on_anomaly\":true}";
        }
        if (e.template().endsWith("/signals")) {
            return "{\"signals\":[" + SIGNAL + "]}";
        }
        return null;
    }

    /** Integer query parameters and their ranges. */
    record Ranged(String path, String param, long min, long max) {}

    static final List<Ranged> RANGED = List.of(
            new Ranged("/api/v1/agent/sessions", "limit", 1, 200),
            new Ranged("/api/v1/agent/sessions", "offset", 0, Integer.MAX_VALUE),
            new Ranged("/api/v1/agent/sessions/" + SESSION + "/decisions", "limit", 1, 200),
            new Ranged("/api/v1/agent/sessions/" + SESSION + "/decisions", "offset", 0, Integer.MAX_VALUE),
            new Ranged("/api/v1/interventions/history/" + SESSION, "limit", 1, 200),
            new Ranged("/api/v1/interventions/history/" + SESSION, "offset", 0, Integer.MAX_VALUE),
            new Ranged("/api/v1/interventions/history/event/" + EVENT, "hours", 1, 168),
            new Ranged("/api/v1/interventions/history/event/" + EVENT, "limit", 1, 500),
            new Ranged("/api/v1/sessions/" + SESSION + "/engagement", "limit", 1, 1000));

    // ---- the properties ------------------------------------------------------------------------------------

    @Property(tries = 200, seed = SEED)
    void malformedJsonIsMalformedJson(@ForAll("malformedJson") Case c) throws Exception {
        check(c);
    }

    @Property(tries = 300, seed = SEED)
    void wrongJsonTypesNameTheirField(@ForAll("wrongTypes") Case c) throws Exception {
        check(c);
    }

    @Property(tries = 60, seed = SEED)
    void bodiesThatAreNotJsonAreUnsupportedMediaTypes(@ForAll("notJson") Case c) throws Exception {
        check(c);
    }

    @Property(tries = 150, seed = SEED)
    void unknownEnumValuesNameTheirField(@ForAll("unknownEnums") Case c) throws Exception {
        check(c);
    }

    @Property(tries = 40, seed = SEED)
    void bodiesOverOneMebibyteArePayloadTooLarge(@ForAll("oversized") Case c) throws Exception {
        check(c);
    }

    @Property(tries = 250, seed = SEED)
    void idsBreakingTheIdRuleOrNotUuidsNameTheirParameter(@ForAll("invalidIds") Case c) throws Exception {
        check(c);
    }

    @Property(tries = 200, seed = SEED)
    void limitsOffsetsAndTimesOutOfRangeNameTheirParameter(@ForAll("outOfRange") Case c) throws Exception {
        check(c);
    }

    @Property(tries = 150, seed = SEED)
    void unknownResourcesAreNotFoundAndWrongMethodsAreNotAllowed(@ForAll("unknown") Case c) throws Exception {
        check(c);
    }

    @AfterContainer
    static void atLeastOneThousandGeneratedRequestsWereSent() {
        assertThat(REQUESTS.get())
                .as("generated bad-input requests sent by this suite")
                .isGreaterThanOrEqualTo(1000);
    }

    // ---- generators ----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Case> malformedJson() {
        Arbitrary<BodyEndpoint> endpoints = Arbitraries.of(BODY_ENDPOINTS);
        Arbitrary<String> junk = Arbitraries.strings()
                .withChars("{}[],:\"'\\ntrufalse0123456789.-+eE ")
                .ofMinLength(1)
                .ofMaxLength(40);
        Arbitrary<Integer> cut = Arbitraries.integers().between(1, 10_000);
        Arbitrary<Integer> style = Arbitraries.integers().between(0, 6);
        return Combinators.combine(endpoints, junk, cut, style)
                .as((e, j, at, s) -> {
                    String base = e.base();
                    int i = 1 + at % (base.length() - 1);
                    byte[] body =
                            switch (s) {
                                case 0 -> base.substring(0, i).getBytes(StandardCharsets.UTF_8); // truncated
                                case 1 -> (base.substring(0, i) + j + base.substring(i))
                                        .getBytes(StandardCharsets.UTF_8); // garbage inside
                                case 2 -> (base + j).getBytes(StandardCharsets.UTF_8); // trailing garbage
                                case 3 -> base.replace('"', '\'').getBytes(StandardCharsets.UTF_8); // single quotes
                                case 4 -> invalidUtf8(base, i); // not UTF-8
                                case 5 -> ("{\"x\":" + "[".repeat(2000 + at) + "]".repeat(2000 + at) + "}")
                                        .getBytes(StandardCharsets.UTF_8); // nested deeper than the parser allows
                                default -> j.getBytes(StandardCharsets.UTF_8); // junk alone
                            };
                    return new Case(e.method(), e.path(), Map.of(), body, new Expect(400, "malformed_json", null));
                })
                .filter(c -> !parses(c.body()));
    }

    @Provide
    Arbitrary<Case> notJson() {
        return Combinators.combine(
                        Arbitraries.of(BODY_ENDPOINTS),
                        Arbitraries.of(
                                "text/plain",
                                "application/xml",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=x",
                                "image/png",
                                "text/csv"))
                .as((e, type) -> new Case(
                        e.method(),
                        e.path(),
                        Map.of(),
                        e.base().getBytes(StandardCharsets.UTF_8),
                        new Expect(415, "unsupported_media_type", null),
                        type));
    }

    @Provide
    Arbitrary<Case> wrongTypes() {
        Arbitrary<BodyEndpoint> endpoints = Arbitraries.of(BODY_ENDPOINTS);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
        Arbitrary<JsonNode> values = anyJson();
        Arbitrary<Boolean> whole = Arbitraries.of(true, false, false, false, false);
        return Combinators.combine(endpoints, pick, values, whole).as((e, p, v, w) -> {
            if (w) {
                // the body itself is not an object
                JsonNode body = v.isObject() ? NODES.arrayNode().add(v) : v;
                return new Case(
                        e.method(),
                        e.path(),
                        Map.of(),
                        bytes(body),
                        body.isNull() && e.path().endsWith("/reject")
                                // the reject body is optional: null is no body, and the decision is unknown
                                ? new Expect(404, "decision_not_found", null)
                                : Expect.invalid(e.wholeBodyField()));
            }
            ObjectNode body = e.baseNode();
            if (e.wholeBodyField().equals("signals") && p % 2 == 0) {
                List<String> names =
                        List.copyOf(SIGNAL_FIELDS.keySet()).stream().sorted().toList();
                String field = names.get(p % names.size());
                JsonNode wrong = wrong(SIGNAL_FIELDS.get(field), v);
                ((ObjectNode) body.get("signals").get(0)).set(field, wrong);
                return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid("signals[0]." + field));
            }
            if (e.path().endsWith("/manual") && p % 3 == 0) {
                List<String> names =
                        POLL_CONTEXT_FIELDS.keySet().stream().sorted().toList();
                String field = names.get(p % names.size());
                ((ObjectNode) body.get("context")).set(field, wrong(POLL_CONTEXT_FIELDS.get(field), v));
                return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid("context." + field));
            }
            List<String> names = e.fields().keySet().stream().sorted().toList();
            String field = names.get(p % names.size());
            body.set(field, wrong(e.fields().get(field), v));
            return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid(field));
        });
    }

    @Provide
    Arbitrary<Case> unknownEnums() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.strings().alpha().withChars('_', ' ').ofMinLength(1).ofMaxLength(20),
                Arbitraries.of(
                        "auto",
                        "Semi_Auto",
                        "SEMI-AUTO",
                        " AUTO",
                        "AUTO ",
                        "TURBO",
                        "POLLS",
                        "CHAT",
                        "chatprompt",
                        "BROADCASTS",
                        "Steady!",
                        "demo2",
                        "STEADY",
                        "vote",
                        "poll-vote",
                        "",
                        "ALL",
                        "Pending",
                        "1",
                        "true"));
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 7);
        return Combinators.combine(which, words)
                .as(BadInputTests::unknownEnum)
                .filter(c -> c != null)
                .map(c -> java.util.Objects.requireNonNull(c));
    }

    static @Nullable Case unknownEnum(int which, String word) {
        Set<String> modes = Set.of("MANUAL", "SEMI_AUTO", "AUTO");
        Set<String> types = Set.of("POLL", "BROADCAST", "NOTIFICATION", "GAMIFICATION", "CHAT_PROMPT");
        Set<String> scenarios =
                Set.of("demo", "sudden_drop", "gradual_decline", "mass_exit", "low_engagement", "steady");
        Set<String> signalTypes = Set.of(
                "chat",
                "reaction",
                "poll_vote",
                "poll_opened",
                "poll_closed",
                "qa_question",
                "qa_upvote",
                "join",
                "leave");
        String upper = word.toUpperCase(java.util.Locale.ROOT);
        String q = STRICT.writeValueAsString(word);
        return switch (which) {
            case 0 -> modes.contains(word)
                    ? null
                    : body("PUT", "/api/v1/agent/sessions/" + SESSION + "/mode", "{\"mode\":" + q + "}", "mode");
            case 1 -> modes.contains(word)
                    ? null
                    : body(
                            "PUT",
                            "/api/v1/agent/events/" + EVENT + "/settings",
                            "{\"agent_mode\":" + q + "}",
                            "agent_mode");
            case 2 -> types.contains(upper)
                    ? null
                    : body(
                            "PUT",
                            "/api/v1/agent/events/" + EVENT + "/settings",
                            "{\"allowed_interventions\":[\"POLL\"," + q + "]}",
                            "allowed_interventions");
            case 3 -> types.contains(upper)
                    ? null
                    : body(
                            "POST",
                            "/api/v1/interventions/manual",
                            "{\"session_id\":\"" + SESSION + "\",\"event_id\":\"" + EVENT + "\",\"intervention_type\":"
                                    + q + ",\"reason\":\"r\"}",
                            "intervention_type");
            case 4 -> scenarios.contains(word)
                    ? null
                    : body(
                            "POST",
                            "/api/v1/simulations",
                            "{\"session_id\":\"" + SESSION + "\",\"scenario\":" + q + "}",
                            "scenario");
            case 5 -> signalTypes.contains(word)
                    ? null
                    : body(
                            "POST",
                            "/api/v1/sessions/" + SESSION + "/signals",
                            "{\"signals\":[{\"type\":" + q + ",\"user_id\":\"u1\"}]}",
                            "signals[0].type");
            case 6 -> Set.of("true", "false", "all", "").contains(word)
                    ? null
                    : new Case("GET", "/api/v1/agent/sessions", Map.of("active", word), null, Expect.invalid("active"));
            default -> Set.of("pending", "all", "").contains(word)
                    ? null
                    : new Case(
                            "GET",
                            "/api/v1/agent/sessions/" + SESSION + "/decisions",
                            Map.of("state", word),
                            null,
                            Expect.invalid("state"));
        };
    }

    static Case body(String method, String path, String json, String field) {
        return new Case(method, path, Map.of(), json.getBytes(StandardCharsets.UTF_8), Expect.invalid(field));
    }

    @Provide
    Arbitrary<Case> oversized() {
        Arbitrary<BodyEndpoint> endpoints = Arbitraries.of(BODY_ENDPOINTS);
        Arbitrary<Integer> extra = Arbitraries.integers().between(1, 64 * 1024);
        Arbitrary<Character> fill = Arbitraries.chars().alpha();
        return Combinators.combine(endpoints, extra, fill).as((e, n, ch) -> {
            String base = e.base();
            int padding = MIB + n - base.length() - 9; // the body is MIB + n bytes
            String padded = "{\"pad\":\"" + String.valueOf(ch).repeat(padding) + "\"," + base.substring(1);
            byte[] body = padded.getBytes(StandardCharsets.UTF_8);
            return new Case(e.method(), e.path(), Map.of(), body, new Expect(413, "payload_too_large", null));
        });
    }

    @Provide
    Arbitrary<Case> invalidIds() {
        Arbitrary<String> badIds = badIds(false);
        Arbitrary<String> badBodyIds = badIds(true);
        Arbitrary<Case> paths = Combinators.combine(Arbitraries.of(PATH_IDS), badIds)
                .as((e, id) -> {
                    String body = validBodyFor(e);
                    return new Case(
                            e.method(),
                            e.template().replace("{id}", encode(id)),
                            Map.of(),
                            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                            Expect.invalid(e.field()));
                });
        Arbitrary<Case> bodies = Combinators.combine(
                        Arbitraries.of(BODY_ENDPOINTS)
                                .filter(e -> e.fields().keySet().stream().anyMatch(f -> f.endsWith("_id"))),
                        Arbitraries.integers().between(0, 100),
                        badBodyIds)
                .as((e, p, id) -> {
                    List<String> ids = e.fields().keySet().stream()
                            .filter(f -> f.endsWith("_id"))
                            .sorted()
                            .toList();
                    String field = ids.get(p % ids.size());
                    ObjectNode body = e.baseNode();
                    body.put(field, id);
                    return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid(field));
                });
        Arbitrary<Case> queries = Combinators.combine(Arbitraries.of("event_id", "org_id"), badIds)
                .as((param, id) ->
                        new Case("GET", "/api/v1/agent/sessions", Map.of(param, id), null, Expect.invalid(param)));
        Arbitrary<String> notUuids = notUuids();
        Arbitrary<Case> decisions = Combinators.combine(Arbitraries.of("approve", "reject"), notUuids)
                .as((action, id) -> new Case(
                        "POST",
                        "/api/v1/agent/sessions/" + SESSION + "/decisions/" + encode(id) + "/" + action,
                        Map.of(),
                        null,
                        Expect.invalid("decision_id")));
        Arbitrary<Case> simulations = Combinators.combine(Arbitraries.of("GET", "DELETE"), notUuids)
                .as((method, id) -> new Case(
                        method, "/api/v1/simulations/" + encode(id), Map.of(), null, Expect.invalid("simulation_id")));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, paths),
                net.jqwik.api.Tuple.of(3, bodies),
                net.jqwik.api.Tuple.of(1, queries),
                net.jqwik.api.Tuple.of(2, decisions),
                net.jqwik.api.Tuple.of(2, simulations));
    }

    /** Ids breaking {@code ^[A-Za-z0-9_-]{1,100}$}: a forbidden character, or too long. */
    static Arbitrary<String> badIds(boolean inBody) {
        String forbidden =
                inBody ? " !@#$%^&*()+=[]{}|\\:'\",<>?~`.;/üß€😀\t\n" : " !@#$%^&*()+=[]{}|\\:'\",<>?~`.üß€😀";
        Arbitrary<String> valid = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('_', '-')
                .ofMinLength(0)
                .ofMaxLength(20);
        Arbitrary<String> bad = Arbitraries.strings()
                .withChars(forbidden.toCharArray())
                .ofMinLength(1)
                .ofMaxLength(3);
        Arbitrary<String> withForbidden = Combinators.combine(valid, bad, valid).as((a, b, c) -> a + b + c);
        Arbitrary<String> tooLong = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('_', '-', '7')
                .ofMinLength(101)
                .ofMaxLength(160);
        return Arbitraries.oneOf(withForbidden, withForbidden, tooLong)
                .filter(s -> !com.engagementconductor.shared.Ids.valid(s))
                // whole-segment dots are path syntax, not ids
                .filter(s -> !s.equals(".") && !s.equals(".."));
    }

    /** Decision and simulation ids that are not lower-case UUIDs. */
    static Arbitrary<String> notUuids() {
        Arbitrary<UUID> uuids = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()));
        return Arbitraries.oneOf(
                        uuids.map(u -> u.toString().replace("-", "")),
                        uuids.map(u -> u.toString().substring(0, 35)),
                        uuids.map(u -> u + "0"),
                        uuids.map(u -> u.toString().replaceFirst("-", "_")),
                        Arbitraries.integers().between(0, 9).map(i -> i + "-" + i + "-" + i + "-" + i + "-" + i),
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars('-')
                                .ofMinLength(1)
                                .ofMaxLength(40))
                // UUIDs are read case-insensitively (RFC 9562), so only other spellings are "not a UUID"
                .filter(s -> {
                    String lower = s.toLowerCase(java.util.Locale.ROOT);
                    try {
                        return !UUID.fromString(lower).toString().equals(lower);
                    } catch (IllegalArgumentException e) {
                        return true;
                    }
                });
    }

    @Provide
    Arbitrary<Case> outOfRange() {
        Arbitrary<Case> numbers = Combinators.combine(
                        Arbitraries.of(RANGED),
                        Arbitraries.longs().between(1, Long.MAX_VALUE),
                        Arbitraries.of(true, false))
                .as((r, n, below) -> {
                    long value =
                            below ? r.min() - (n % 1_000_000_000_000L) - 1 : r.max() + (n % 1_000_000_000_000L) + 1;
                    return new Case(
                            "GET", r.path(), Map.of(r.param(), Long.toString(value)), null, Expect.invalid(r.param()));
                });
        Arbitrary<Case> notNumbers = Combinators.combine(
                        Arbitraries.of(RANGED),
                        Arbitraries.of(
                                "abc",
                                "1.5",
                                "1e3",
                                "0x1G",
                                "99999999999999999999",
                                "-",
                                "ten",
                                "NaN",
                                "1,000",
                                "2147483648"))
                .as((r, v) -> new Case("GET", r.path(), Map.of(r.param(), v), null, Expect.invalid(r.param())));
        Arbitrary<Case> since = Arbitraries.oneOf(
                        Arbitraries.of(
                                "yesterday",
                                "2026-13-01T00:00:00Z",
                                "2026-02-30T10:00:00Z",
                                "12:00",
                                "2026-03-01 10:00",
                                "1772359200",
                                "2026-03-01T25:00:00Z"),
                        Arbitraries.integers()
                                .between(25, 24 * 365)
                                .map(h -> com.engagementconductor.shared.Timestamps.format(
                                        Suite.INSTANCE.clock.instant().minus(Duration.ofHours(h)))))
                .map(s -> new Case(
                        "GET",
                        "/api/v1/sessions/" + SESSION + "/engagement",
                        Map.of("since", s),
                        null,
                        Expect.invalid("since")));
        Arbitrary<Case> reasons = Arbitraries.strings()
                .alpha()
                .withChars(' ')
                .ofMinLength(501)
                .ofMaxLength(700)
                .map(reason -> new Case(
                        "POST",
                        "/api/v1/agent/sessions/" + SESSION + "/decisions/" + DECISION + "/reject",
                        Map.of("reason", reason),
                        null,
                        Expect.invalid("reason")));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, numbers),
                net.jqwik.api.Tuple.of(3, notNumbers),
                net.jqwik.api.Tuple.of(1, since),
                net.jqwik.api.Tuple.of(1, reasons));
    }

    @Provide
    Arbitrary<Case> unknown() {
        Arbitrary<String> ids = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .withChars('_', '-')
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(s -> "nx_" + s);
        Arbitrary<UUID> uuids = Arbitraries.randomValue(r -> new UUID(r.nextLong(), r.nextLong()));
        Arbitrary<Case> signals = ids.map(id -> new Case(
                "POST",
                "/api/v1/sessions/" + id + "/signals",
                Map.of(),
                ("{\"signals\":[" + SIGNAL + "]}").getBytes(StandardCharsets.UTF_8),
                new Expect(404, "session_not_found", null)));
        Arbitrary<Case> engagement = ids.map(id -> new Case(
                "GET",
                "/api/v1/sessions/" + id + "/engagement",
                Map.of(),
                null,
                new Expect(404, "session_not_found", null)));
        Arbitrary<Case> decisions = Combinators.combine(Arbitraries.of("approve", "reject"), uuids)
                .as((action, id) -> new Case(
                        "POST",
                        "/api/v1/agent/sessions/" + SESSION + "/decisions/" + id + "/" + action,
                        Map.of(),
                        null,
                        new Expect(404, "decision_not_found", null)));
        Arbitrary<Case> simulations = Combinators.combine(Arbitraries.of("GET", "DELETE"), uuids)
                .as((method, id) -> new Case(
                        method,
                        "/api/v1/simulations/" + id,
                        Map.of(),
                        null,
                        new Expect(404, "simulation_not_found", null)));
        Arbitrary<Case> routes = ids.map(id ->
                new Case("GET", "/api/v1/" + id + "/nothing", Map.of(), null, new Expect(404, "not_found", null)));
        Arbitrary<Case> methods = Combinators.combine(
                        Arbitraries.of("PATCH", "DELETE", "POST"),
                        Arbitraries.of(
                                "/api/v1/agent/sessions/" + SESSION + "/status",
                                "/api/v1/interventions/stats/" + SESSION,
                                "/api/v1/sessions/" + SESSION + "/engagement"))
                .as((method, path) ->
                        new Case(method, path, Map.of(), null, new Expect(405, "method_not_allowed", null)));
        return Arbitraries.oneOf(signals, engagement, decisions, simulations, routes, methods);
    }

    // ---- JSON helpers --------------------------------------------------------------------------------------

    /** Any JSON value of any kind. */
    static Arbitrary<JsonNode> anyJson() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.integers().between(0, 3).map(n -> {
                    ArrayNode a = NODES.arrayNode();
                    for (int i = 0; i < n; i++) {
                        a.add(i);
                    }
                    return (JsonNode) a;
                }),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5).map(k -> {
                    ObjectNode o = NODES.objectNode();
                    o.put(k, 1);
                    return (JsonNode) o;
                }),
                Arbitraries.just((JsonNode) NODES.nullNode()));
    }

    /** A value that is not of the field's kind (a generated one when it differs, else a fixed wrong one). */
    static JsonNode wrong(Kind kind, JsonNode v) {
        boolean fits =
                switch (kind) {
                    case STRING -> v.isString() || v.isNull();
                    case NUMBER -> v.isNumber() || v.isNull();
                    case INTEGER -> v.isIntegralNumber() || v.isNull();
                    case BOOLEAN -> v.isBoolean() || v.isNull();
                    case ARRAY -> v.isArray() || v.isNull();
                    case OBJECT -> v.isObject() || v.isNull();
                    case ARRAY_OR_NULL -> v.isArray() || v.isNull();
                };
        if (!fits) {
            return v;
        }
        return switch (kind) {
            case STRING -> NODES.numberNode(42);
            case NUMBER, INTEGER -> NODES.stringNode("7");
            case BOOLEAN -> NODES.stringNode("true");
            case ARRAY, ARRAY_OR_NULL -> NODES.stringNode("POLL");
            case OBJECT -> NODES.arrayNode().add("x");
        };
    }

    static boolean parses(byte @Nullable [] body) {
        if (body == null) {
            return true;
        }
        try {
            STRICT.readTree(body);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    static byte[] invalidUtf8(String base, int at) {
        byte[] head = base.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = base.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        out[head.length] = (byte) 0xC3;
        out[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, out, head.length + 2, tail.length);
        return out;
    }

    static byte[] bytes(JsonNode node) {
        return STRICT.writeValueAsBytes(node);
    }

    static String encode(String segment) {
        return org.springframework.web.util.UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }

    // ---- the check -----------------------------------------------------------------------------------------

    static void check(Case c) throws Exception {
        Suite suite = Suite.INSTANCE;
        MockHttpServletRequestBuilder b = MockMvcRequestBuilders.request(
                        HttpMethod.valueOf(c.method()), java.net.URI.create(c.path()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + suite.manager());
        c.query().forEach(b::param);
        if (c.body() != null) {
            b.contentType(MediaType.parseMediaType(c.contentType())).content(c.body());
        }
        REQUESTS.incrementAndGet();
        MockHttpServletResponse r = suite.mvc.perform(b).andReturn().getResponse();
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getStatus()).as("%s answered %s", c, text).isLessThan(500);
        assertThat(r.getContentType()).as("%s answered %s", c, text).startsWith("application/problem+json");
        JsonNode problem = STRICT.readTree(text);
        String code = problem.path("code").asString("");
        assertThat(CODES).as("%s answered %s", c, text).containsEntry(code, r.getStatus());
        assertThat(problem.path("status").asInt()).isEqualTo(r.getStatus());
        assertThat(problem.path("type").asString()).isEqualTo("urn:engagement-conductor:problem:" + code);
        assertThat(problem.path("detail").asString("")).isNotBlank();
        if (code.equals("validation_failed")) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asString("")));
            assertThat(fields).as("%s answered %s", c, text).isNotEmpty().doesNotContain("");
        }
        if (r.getStatus() == 405) {
            assertThat(r.getHeader(HttpHeaders.ALLOW)).as("%s: Allow", c).isNotBlank();
        }
        Expect e = c.expect();
        assertThat(r.getStatus() + " " + code).as("%s answered %s", c, text).isEqualTo(e.status() + " " + e.code());
        if (e.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(x -> fields.add(x.path("field").asString("")));
            assertThat(fields).as("%s answered %s", c, text).contains(e.field());
        }
    }
}

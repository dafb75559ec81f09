package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.shared.Ids;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated bad input for every endpoint with a body, a path or a query parameter (contracts §4, §5): malformed
 * JSON, wrong JSON types, bodies that are not JSON, unknown enum values, bodies over 1 MiB, ids breaking §0 rule 5,
 * decision and simulation ids that are not UUIDs, limits, offsets, hours, times and reasons out of range, unknown
 * sessions, decisions, simulations and routes, and wrong methods. Every answer is a 4xx problem with a §5 code,
 * naming the offending field on validation failures, and never a 5xx.
 *
 * <p>Each category draws its requests from a {@link SeededGenerator} with the category's own fixed seed, so every
 * run sends the same requests; each request is one dynamic test named with its category, index and request. Each
 * request signs a token with a fresh {@code sub} (the REST rate limit is per subject).
 */
@ApiSuite
class BadInputTests {
    static final String SESSION = "bi_live";
    static final String EVENT = "bi_evt";
    static final int MIB = 1024 * 1024;
    /** A well-formed decision id that no decision has. */
    static final String DECISION = "7d9c2a1e-5b3f-4c8e-9a6d-1f2e3d4c5b6a";

    /** The least number of generated requests one run of all categories sends. */
    static final int AT_LEAST = 1000;

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

    /** The categories of bad input, each with its fixed seed and its number of requests. */
    enum Category {
        MALFORMED_JSON("malformed JSON", 2026112501L, 200),
        WRONG_TYPES("wrong JSON types", 2026112502L, 300),
        NOT_JSON("not JSON", 2026112503L, 60),
        UNKNOWN_ENUMS("unknown enum values", 2026112504L, 150),
        OVERSIZED("over 1 MiB", 2026112505L, 40),
        INVALID_IDS("invalid ids", 2026112506L, 250),
        OUT_OF_RANGE("out of range", 2026112507L, 200),
        UNKNOWN("unknown resources and methods", 2026112508L, 150);

        final String label;
        final long seed;
        final int count;

        Category(String label, long seed, int count) {
            this.label = label;
            this.seed = seed;
            this.count = count;
        }
    }

    /** Requests generated and sent per category in this run. */
    static final Map<Category, Integer> GENERATED = new EnumMap<>(Category.class);

    static final Map<Category, AtomicInteger> SENT = new EnumMap<>(Category.class);

    static final AtomicInteger SUBJECTS = new AtomicInteger();

    /** What a case must get: a status, a problem code and, on validation failures, a field named in errors[]. */
    record Expect(int status, String code, @Nullable String field) {
        static Expect invalid(String field) {
            return new Expect(400, "validation_failed", field);
        }

        @Override
        public String toString() {
            return status + " " + code + (field == null ? "" : " " + field);
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

        /** The request in at most {@code excerpt} characters per value, control characters and bad UTF-8 escaped. */
        String describe(int excerpt) {
            StringBuilder out = new StringBuilder(method).append(' ').append(printable(path, Math.max(excerpt, 120)));
            if (!query.isEmpty()) {
                out.append(" ?");
                query.forEach((k, v) -> out.append(' ')
                        .append(k)
                        .append('=')
                        .append(printable(v, excerpt))
                        .append(v.length() > excerpt ? " [" + v.length() + " chars]" : ""));
            }
            if (!contentType.equals(MediaType.APPLICATION_JSON_VALUE)) {
                out.append(" (").append(contentType).append(')');
            }
            if (body != null) {
                out.append(" body[").append(body.length).append(" bytes] ").append(excerpt(body, excerpt));
            }
            return out.append(" → ").append(expect).toString();
        }

        @Override
        public String toString() {
            return describe(300);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    TestTokens tokens;

    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Registers the session every valid base request names (registering it again is an idempotent update). */
    @BeforeEach
    void registerTheSession() throws Exception {
        tokens = new TestTokens(clock);
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.post("/api/v1/agent/sessions/register")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"" + EVENT + "\",\"session_id\":\"" + SESSION + "\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isIn(200, 201);
    }

    String manager() {
        return tokens.sign("bi_" + SUBJECTS.incrementAndGet(), "org_test", List.of("event:manage"));
    }

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

    // ---- the tests -----------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> malformedJsonIsMalformedJson() {
        return send(Category.MALFORMED_JSON);
    }

    @TestFactory
    Stream<DynamicTest> wrongJsonTypesNameTheirField() {
        return send(Category.WRONG_TYPES);
    }

    @TestFactory
    Stream<DynamicTest> bodiesThatAreNotJsonAreUnsupportedMediaTypes() {
        return send(Category.NOT_JSON);
    }

    @TestFactory
    Stream<DynamicTest> unknownEnumValuesNameTheirField() {
        return send(Category.UNKNOWN_ENUMS);
    }

    @TestFactory
    Stream<DynamicTest> bodiesOverOneMebibyteArePayloadTooLarge() {
        return send(Category.OVERSIZED);
    }

    @TestFactory
    Stream<DynamicTest> idsBreakingTheIdRuleOrNotUuidsNameTheirParameter() {
        return send(Category.INVALID_IDS);
    }

    @TestFactory
    Stream<DynamicTest> limitsOffsetsAndTimesOutOfRangeNameTheirParameter() {
        return send(Category.OUT_OF_RANGE);
    }

    @TestFactory
    Stream<DynamicTest> unknownResourcesAreNotFoundAndWrongMethodsAreNotAllowed() {
        return send(Category.UNKNOWN);
    }

    @Test
    void everyCategoryGeneratesTheSameRequestsOnEveryRun() {
        Instant now = clock.instant();
        int total = 0;
        for (Category category : Category.values()) {
            List<String> first =
                    generate(category, now).stream().map(Case::toString).toList();
            List<String> again =
                    generate(category, now).stream().map(Case::toString).toList();
            assertThat(first).as(category.label).hasSize(category.count).isEqualTo(again);
            assertThat(Set.copyOf(first))
                    .as("%s: distinct requests", category.label)
                    .hasSizeGreaterThan(1);
            total += first.size();
        }
        assertThat(total).as("generated bad-input requests").isGreaterThanOrEqualTo(AT_LEAST);
    }

    @AfterAll
    static void atLeastOneThousandGeneratedRequestsWereSent() {
        int sent = 0;
        for (Map.Entry<Category, Integer> generated : GENERATED.entrySet()) {
            int n = SENT.get(generated.getKey()).get();
            assertThat(n).as("%s: requests sent", generated.getKey().label).isEqualTo(generated.getValue());
            sent += n;
        }
        if (GENERATED.size() == Category.values().length) {
            assertThat(sent).as("generated bad-input requests sent").isGreaterThanOrEqualTo(AT_LEAST);
        }
    }

    /** One dynamic test per generated request of the category, named with the category, index and request. */
    Stream<DynamicTest> send(Category category) {
        List<Case> cases = generate(category, clock.instant());
        GENERATED.put(category, cases.size());
        AtomicInteger sent = SENT.computeIfAbsent(category, k -> new AtomicInteger());
        return IntStream.range(0, cases.size()).mapToObj(i -> {
            Case c = cases.get(i);
            String name = category.label + " #" + i + ": " + c.describe(60);
            String shown = "[" + category.label + " #" + i + ", seed " + category.seed + "] " + c;
            return DynamicTest.dynamicTest(name, () -> {
                sent.incrementAndGet();
                check(c, shown);
            });
        });
    }

    /** The requests of a category: its seed and count fix them; {@code now} anchors the times. */
    static List<Case> generate(Category category, Instant now) {
        SeededGenerator g = new SeededGenerator(category.seed);
        return switch (category) {
            case MALFORMED_JSON -> g.list(category.count, BadInputTests::malformedJson);
            case WRONG_TYPES -> g.list(category.count, BadInputTests::wrongType);
            case NOT_JSON -> g.list(category.count, BadInputTests::notJson);
            case UNKNOWN_ENUMS -> g.list(category.count, BadInputTests::unknownEnum);
            case OVERSIZED -> g.list(category.count, BadInputTests::oversized);
            case INVALID_IDS -> g.list(category.count, BadInputTests::invalidId);
            case OUT_OF_RANGE -> g.list(category.count, x -> outOfRange(x, now));
            case UNKNOWN -> g.list(category.count, BadInputTests::unknown);
        };
    }

    // ---- generators ----------------------------------------------------------------------------------------

    static final String JUNK_CHARS = "{}[],:\"'\\ntrufalse0123456789.-+eE ";

    /** Truncated, garbled, single-quoted, not UTF-8, nested too deep, or junk alone; never parseable JSON. */
    static Case malformedJson(SeededGenerator g) {
        return g.until(
                x -> {
                    BodyEndpoint e = x.pick(BODY_ENDPOINTS);
                    String junk = x.string(JUNK_CHARS, 1, 40);
                    int at = x.between(1, 10_000);
                    String base = e.base();
                    int i = 1 + at % (base.length() - 1);
                    byte[] body =
                            switch (x.between(0, 6)) {
                                case 0 -> base.substring(0, i).getBytes(StandardCharsets.UTF_8); // truncated
                                case 1 -> (base.substring(0, i) + junk + base.substring(i))
                                        .getBytes(StandardCharsets.UTF_8); // garbage inside
                                case 2 -> (base + junk).getBytes(StandardCharsets.UTF_8); // trailing garbage
                                case 3 -> base.replace('"', '\'').getBytes(StandardCharsets.UTF_8); // single quotes
                                case 4 -> invalidUtf8(base, i); // not UTF-8
                                case 5 -> ("{\"x\":" + "[".repeat(2000 + at) + "]".repeat(2000 + at) + "}")
                                        .getBytes(StandardCharsets.UTF_8); // nested deeper than the parser allows
                                default -> junk.getBytes(StandardCharsets.UTF_8); // junk alone
                            };
                    return new Case(e.method(), e.path(), Map.of(), body, new Expect(400, "malformed_json", null));
                },
                c -> !parses(c.body()));
    }

    static final List<String> NOT_JSON_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "image/png",
            "text/csv");

    /** A valid JSON body sent under another media type. */
    static Case notJson(SeededGenerator g) {
        BodyEndpoint e = g.pick(BODY_ENDPOINTS);
        return new Case(
                e.method(),
                e.path(),
                Map.of(),
                e.base().getBytes(StandardCharsets.UTF_8),
                new Expect(415, "unsupported_media_type", null),
                g.pick(NOT_JSON_TYPES));
    }

    /** A body that is not an object (one in five), or a valid body with one field of the wrong JSON type. */
    static Case wrongType(SeededGenerator g) {
        BodyEndpoint e = g.pick(BODY_ENDPOINTS);
        int p = g.between(0, 1_000);
        JsonNode v = anyJson(g);
        if (g.oneIn(5)) {
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
            List<String> names = SIGNAL_FIELDS.keySet().stream().sorted().toList();
            String field = names.get(p % names.size());
            ((ObjectNode) body.get("signals").get(0)).set(field, wrong(SIGNAL_FIELDS.get(field), v));
            return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid("signals[0]." + field));
        }
        if (e.path().endsWith("/manual") && p % 3 == 0) {
            List<String> names = POLL_CONTEXT_FIELDS.keySet().stream().sorted().toList();
            String field = names.get(p % names.size());
            ((ObjectNode) body.get("context")).set(field, wrong(POLL_CONTEXT_FIELDS.get(field), v));
            return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid("context." + field));
        }
        List<String> names = e.fields().keySet().stream().sorted().toList();
        String field = names.get(p % names.size());
        body.set(field, wrong(e.fields().get(field), v));
        return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid(field));
    }

    static final List<String> ENUM_LOOKALIKES = List.of(
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
            "true");

    static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A word that is none of the values of the enum it is sent as (a look-alike or a random word). */
    static Case unknownEnum(SeededGenerator g) {
        return Objects.requireNonNull(g.until(
                x -> unknownEnum(x.between(0, 7), x.oneIn(2) ? x.string(ALPHA + "_ ", 1, 20) : x.pick(ENUM_LOOKALIKES)),
                Objects::nonNull));
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
        String upper = word.toUpperCase(Locale.ROOT);
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

    /** A valid body padded to 1 MiB plus 1 to 64 KiB bytes (one in four exactly one byte over). */
    static Case oversized(SeededGenerator g) {
        BodyEndpoint e = g.pick(BODY_ENDPOINTS);
        int n = g.oneIn(4) ? 1 : g.between(1, 64 * 1024);
        String fill = g.string(ALPHA, 1, 1);
        String base = e.base();
        int padding = MIB + n - base.length() - 9; // the body is MIB + n bytes
        String padded = "{\"pad\":\"" + fill.repeat(padding) + "\"," + base.substring(1);
        byte[] body = padded.getBytes(StandardCharsets.UTF_8);
        return new Case(e.method(), e.path(), Map.of(), body, new Expect(413, "payload_too_large", null));
    }

    /**
     * Ids breaking §0 rule 5 in a path (4 in 12), in a body (3 in 12) or in a query (1 in 12), and decision (2 in
     * 12) and simulation (2 in 12) ids that are not UUIDs.
     */
    static Case invalidId(SeededGenerator g) {
        return g.frequency(
                new SeededGenerator.Weighted<>(4, x -> {
                    PathEndpoint e = x.pick(PATH_IDS);
                    String body = validBodyFor(e);
                    return new Case(
                            e.method(),
                            e.template().replace("{id}", encode(badId(x, false))),
                            Map.of(),
                            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                            Expect.invalid(e.field()));
                }),
                new SeededGenerator.Weighted<>(3, x -> {
                    BodyEndpoint e = x.pick(BODY_ENDPOINTS.stream()
                            .filter(b -> b.fields().keySet().stream().anyMatch(f -> f.endsWith("_id")))
                            .toList());
                    List<String> ids = e.fields().keySet().stream()
                            .filter(f -> f.endsWith("_id"))
                            .sorted()
                            .toList();
                    String field = x.pick(ids);
                    ObjectNode body = e.baseNode();
                    body.put(field, badId(x, true));
                    return new Case(e.method(), e.path(), Map.of(), bytes(body), Expect.invalid(field));
                }),
                new SeededGenerator.Weighted<>(1, x -> {
                    String param = x.pick("event_id", "org_id");
                    return new Case(
                            "GET",
                            "/api/v1/agent/sessions",
                            Map.of(param, badId(x, false)),
                            null,
                            Expect.invalid(param));
                }),
                new SeededGenerator.Weighted<>(
                        2,
                        x -> new Case(
                                "POST",
                                "/api/v1/agent/sessions/" + SESSION + "/decisions/" + encode(notUuid(x)) + "/"
                                        + x.pick("approve", "reject"),
                                Map.of(),
                                null,
                                Expect.invalid("decision_id"))),
                new SeededGenerator.Weighted<>(
                        2,
                        x -> new Case(
                                x.pick("GET", "DELETE"),
                                "/api/v1/simulations/" + encode(notUuid(x)),
                                Map.of(),
                                null,
                                Expect.invalid("simulation_id"))));
    }

    static final String ID_CHARS = ALPHA + "0123456789_-";

    /** An id breaking {@code ^[A-Za-z0-9_-]{1,100}$}: a forbidden character (2 in 3), or too long (1 in 3). */
    static String badId(SeededGenerator g, boolean inBody) {
        String forbidden =
                inBody ? " !@#$%^&*()+=[]{}|\\:'\",<>?~`.;/üß€😀\t\n" : " !@#$%^&*()+=[]{}|\\:'\",<>?~`.üß€😀";
        return g.until(
                x -> x.oneIn(3)
                        ? x.string("abcdefghijklmnopqrstuvwxyz_-7", x.oneIn(4) ? 101 : 102, 160)
                        : x.string(ID_CHARS, 0, 20) + x.string(forbidden, 1, 3) + x.string(ID_CHARS, 0, 20),
                // whole-segment dots are path syntax, not ids
                s -> !Ids.valid(s) && !s.equals(".") && !s.equals(".."));
    }

    /** A decision or simulation id that is not a UUID in any spelling. */
    static String notUuid(SeededGenerator g) {
        return g.until(
                x -> switch (x.between(0, 5)) {
                    case 0 -> x.uuid().toString().replace("-", "");
                    case 1 -> x.uuid().toString().substring(0, 35);
                    case 2 -> x.uuid() + "0";
                    case 3 -> x.uuid().toString().replaceFirst("-", "_");
                    case 4 -> {
                        int i = x.between(0, 9);
                        yield i + "-" + i + "-" + i + "-" + i + "-" + i;
                    }
                    default -> x.string(ALPHA + "0123456789-", 1, 40);
                },
                // UUIDs are read case-insensitively (RFC 9562), so only other spellings are "not a UUID"
                s -> {
                    String lower = s.toLowerCase(Locale.ROOT);
                    try {
                        return !UUID.fromString(lower).toString().equals(lower);
                    } catch (IllegalArgumentException e) {
                        return true;
                    }
                });
    }

    static final List<String> NOT_NUMBERS =
            List.of("abc", "1.5", "1e3", "0x1G", "99999999999999999999", "-", "ten", "NaN", "1,000", "2147483648");

    static final List<String> NOT_TIMES = List.of(
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-02-30T10:00:00Z",
            "12:00",
            "2026-03-01 10:00",
            "1772359200",
            "2026-03-01T25:00:00Z");

    /**
     * Integer parameters below or above their range (5 in 10; one in four just past the bound), or not integers (3
     * in 10); {@code since} not a time or over 24 h back (1 in 10); reject reasons over 500 characters (1 in 10).
     */
    static Case outOfRange(SeededGenerator g, Instant now) {
        return g.frequency(
                new SeededGenerator.Weighted<>(5, x -> {
                    Ranged r = x.pick(RANGED);
                    long beyond = x.oneIn(4) ? 0 : x.between(0L, 999_999_999_999L);
                    long value = x.oneIn(2) ? r.min() - beyond - 1 : r.max() + beyond + 1;
                    return new Case(
                            "GET", r.path(), Map.of(r.param(), Long.toString(value)), null, Expect.invalid(r.param()));
                }),
                new SeededGenerator.Weighted<>(3, x -> {
                    Ranged r = x.pick(RANGED);
                    return new Case(
                            "GET", r.path(), Map.of(r.param(), x.pick(NOT_NUMBERS)), null, Expect.invalid(r.param()));
                }),
                new SeededGenerator.Weighted<>(
                        1,
                        x -> new Case(
                                "GET",
                                "/api/v1/sessions/" + SESSION + "/engagement",
                                Map.of(
                                        "since",
                                        x.oneIn(2)
                                                ? x.pick(NOT_TIMES)
                                                : Timestamps.format(
                                                        now.minus(Duration.ofHours(x.between(25, 24 * 365))))),
                                null,
                                Expect.invalid("since"))),
                new SeededGenerator.Weighted<>(
                        1,
                        x -> new Case(
                                "POST",
                                "/api/v1/agent/sessions/" + SESSION + "/decisions/" + DECISION + "/reject",
                                Map.of("reason", x.string(ALPHA + " ", x.oneIn(4) ? 501 : 502, 700)),
                                null,
                                Expect.invalid("reason"))));
    }

    static final List<String> SINGLE_METHOD_PATHS = List.of(
            "/api/v1/agent/sessions/" + SESSION + "/status",
            "/api/v1/interventions/stats/" + SESSION,
            "/api/v1/sessions/" + SESSION + "/engagement");

    /** Unknown sessions, decisions, simulations and routes (404), and methods a route does not take (405). */
    static Case unknown(SeededGenerator g) {
        String id = "nx_" + g.string("abcdefghijklmnopqrstuvwxyz0123456789_-", 1, 40);
        return switch (g.between(0, 5)) {
            case 0 -> new Case(
                    "POST",
                    "/api/v1/sessions/" + id + "/signals",
                    Map.of(),
                    ("{\"signals\":[" + SIGNAL + "]}").getBytes(StandardCharsets.UTF_8),
                    new Expect(404, "session_not_found", null));
            case 1 -> new Case(
                    "GET",
                    "/api/v1/sessions/" + id + "/engagement",
                    Map.of(),
                    null,
                    new Expect(404, "session_not_found", null));
            case 2 -> new Case(
                    "POST",
                    "/api/v1/agent/sessions/" + SESSION + "/decisions/" + g.uuid() + "/" + g.pick("approve", "reject"),
                    Map.of(),
                    null,
                    new Expect(404, "decision_not_found", null));
            case 3 -> new Case(
                    g.pick("GET", "DELETE"),
                    "/api/v1/simulations/" + g.uuid(),
                    Map.of(),
                    null,
                    new Expect(404, "simulation_not_found", null));
            case 4 -> new Case("GET", "/api/v1/" + id + "/nothing", Map.of(), null, new Expect(404, "not_found", null));
            default -> new Case(
                    g.pick("PATCH", "DELETE", "POST"),
                    g.pick(SINGLE_METHOD_PATHS),
                    Map.of(),
                    null,
                    new Expect(405, "method_not_allowed", null));
        };
    }

    // ---- JSON helpers --------------------------------------------------------------------------------------

    /** Letters, digits, JSON syntax, control characters and non-ASCII text, for generated JSON strings. */
    static final String ANY_CHARS = ALPHA + "0123456789 _-.:,{}[]\"'\\/\u0000\u0007\t\n\rüß€中😀";

    static final List<Integer> EDGE_INTS = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);

    /** Any JSON value of any kind: a string, an int, a double, a boolean, an array, an object or null. */
    static JsonNode anyJson(SeededGenerator g) {
        return switch (g.between(0, 6)) {
            case 0 -> NODES.stringNode(g.string(ANY_CHARS, 0, 12));
            case 1 -> {
                int i = g.oneIn(4) ? g.pick(EDGE_INTS) : g.anyInt();
                yield NODES.numberNode(i);
            }
            case 2 -> NODES.numberNode(g.between(-1e6, 1e6));
            case 3 -> NODES.booleanNode(g.oneIn(2));
            case 4 -> {
                ArrayNode a = NODES.arrayNode();
                int n = g.between(0, 3);
                for (int i = 0; i < n; i++) {
                    a.add(i);
                }
                yield a;
            }
            case 5 -> {
                ObjectNode o = NODES.objectNode();
                o.put(g.string(ALPHA, 1, 5), 1);
                yield o;
            }
            default -> NODES.nullNode();
        };
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
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }

    // ---- showing a request ---------------------------------------------------------------------------------

    /** At most {@code max} characters of {@code s}, control characters escaped. */
    static String printable(String s, int max) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < s.length() && shown < max; shown++) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(cp)) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return s.codePointCount(0, s.length()) > max ? out + "…" : out.toString();
    }

    /** At most {@code max} characters of a body: its text when it is UTF-8, else its bytes with {@code \xNN}. */
    static String excerpt(byte[] body, int max) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return printable(text, max);
        } catch (CharacterCodingException e) {
            StringBuilder out = new StringBuilder("(not UTF-8) ");
            for (int i = 0; i < body.length && i < max; i++) {
                int b = body[i] & 0xFF;
                if (b == '\\') {
                    out.append("\\\\");
                } else if (b >= 0x20 && b < 0x7F) {
                    out.append((char) b);
                } else {
                    out.append(String.format("\\x%02X", b));
                }
            }
            return body.length > max ? out + "…" : out.toString();
        }
    }

    // ---- the check -----------------------------------------------------------------------------------------

    /** Sends the request; the answer must be the expected 4xx problem of §5, never a 5xx. */
    void check(Case c, String shown) throws Exception {
        MockHttpServletRequestBuilder b = MockMvcRequestBuilders.request(
                        HttpMethod.valueOf(c.method()), URI.create(c.path()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + manager());
        c.query().forEach(b::param);
        if (c.body() != null) {
            b.contentType(MediaType.parseMediaType(c.contentType())).content(c.body());
        }
        MockHttpServletResponse r = mvc.perform(b).andReturn().getResponse();
        String text = r.getContentAsString(StandardCharsets.UTF_8);
        String answered = shown + " answered " + r.getStatus() + " " + text;
        assertThat(r.getStatus()).as(answered).isBetween(400, 499);
        assertThat(r.getContentType()).as(answered).startsWith("application/problem+json");
        JsonNode problem = STRICT.readTree(text);
        String code = problem.path("code").asString("");
        assertThat(CODES).as(answered).containsEntry(code, r.getStatus());
        assertThat(problem.path("status").asInt()).as(answered).isEqualTo(r.getStatus());
        assertThat(problem.path("type").asString()).as(answered).isEqualTo("urn:engagement-conductor:problem:" + code);
        assertThat(problem.path("detail").asString("")).as(answered).isNotBlank();
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString("")));
        if (code.equals("validation_failed")) {
            assertThat(fields).as(answered).isNotEmpty().doesNotContain("");
        }
        if (r.getStatus() == 405) {
            assertThat(r.getHeader(HttpHeaders.ALLOW)).as("%s: Allow", answered).isNotBlank();
        }
        Expect e = c.expect();
        assertThat(r.getStatus() + " " + code).as(answered).isEqualTo(e.status() + " " + e.code());
        if (e.field() != null) {
            assertThat(fields).as(answered).contains(e.field());
        }
    }
}

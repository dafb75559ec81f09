package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.engagementconductor.intervention.AttendeeActivities;
import com.engagementconductor.realtime.RealtimeGateway;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.SocketClients;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The socket half of the tenancy matrix and of the bad-input suite (contracts §3.3, §3.5, §7), with the stock
 * {@code socket.io-client} 4.8 against the gateway of the shared API context: every client→server event for every
 * caller, then malformed payloads, invalid and unknown session ids and an oversized packet, which get the ack
 * errors of §7 and never take the socket down (except the oversized packet, which closes only its connection).
 */
@ApiSuite
class SocketSuitesIT {
    static final String ORG = "org_test";
    static final AtomicInteger SUBJECTS = new AtomicInteger();
    static @Nullable SocketClients clients;

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    RealtimeGateway gateway;

    @Autowired
    AttendeeActivities activities;

    TestTokens tokens;
    String url;

    /** The callers of the socket matrix, in the order of its columns. */
    enum Who {
        ATTENDEE,
        SPEAKER,
        OTHER_ORG,
        READER,
        MANAGER,
        PLATFORM_ADMIN
    }

    @BeforeEach
    void setUp() {
        tokens = new TestTokens(clock);
        url = "http://127.0.0.1:" + gateway.port() + "/events";
        if (clients == null) {
            clients = new SocketClients();
        }
    }

    @AfterAll
    static void close() {
        if (clients != null) {
            clients.close();
        }
    }

    String token(Who who) {
        String sub = "sx_" + who.name().toLowerCase(java.util.Locale.ROOT) + "_" + SUBJECTS.incrementAndGet();
        return switch (who) {
            case ATTENDEE -> tokens.sign(sub, null, List.of());
            case SPEAKER -> tokens.sign(sub, ORG, List.of());
            case OTHER_ORG -> tokens.sign(sub, "org_other", List.of("event:manage"));
            case READER -> tokens.sign(sub, ORG, List.of("dashboard:read:live"));
            case MANAGER -> tokens.sign(sub, ORG, List.of("event:manage"));
            case PLATFORM_ADMIN -> tokens.platformAdmin(sub, "org_admin", List.of("*"));
        };
    }

    void register(String session, String event) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/agent/sessions/register")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Who.MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_id\":\"" + event + "\",\"session_id\":\"" + session + "\"}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isIn(200, 201);
    }

    /** Opens an agent poll in the session through a manual POLL intervention; returns its id. */
    String openPoll(String session, String event) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/interventions/manual")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(Who.MANAGER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"session_id\":\"" + session + "\",\"event_id\":\"" + event
                                + "\",\"intervention_type\":\"POLL\",\"reason\":\"Pulse check\",\"context\":"
                                + "{\"question\":\"How is the pace?\",\"options\":[\"Fast\",\"Fine\",\"Slow\"],"
                                + "\"duration_seconds\":600}}"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> activities.activePoll(session).isPresent());
        return String.valueOf(activities.activePoll(session).orElseThrow().get("id"));
    }

    /** "ok" for a success ack, else the ack's error code. */
    static String outcome(JsonNode ack) {
        return ack.path("success").asBoolean(false) ? "ok" : ack.path("error").asString("<no error>");
    }

    static Map<String, Object> payload(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void theHandshakeRefusesMissingAndExpiredTokensBeforeAnyEvent() {
        SocketClients c = java.util.Objects.requireNonNull(clients);
        c.connect("none", url, null, "websocket");
        c.connect("expired", url, tokens.expired(), "websocket");
        for (String[] expected : new String[][] {{"none", "missing_token"}, {"expired", "token_expired"}}) {
            JsonNode error = c.await(e -> SocketClients.is(e, expected[0], "connect_error"));
            assertThat(error.path("message").asString()).isEqualTo("unauthorized");
            assertThat(error.path("data").path("code").asString()).isEqualTo(expected[1]);
        }
        assertThat(c.seen())
                .noneMatch(e -> SocketClients.is(e, "none", "connect") || SocketClients.is(e, "expired", "connect"));
    }

    /**
     * The socket rows of §3.5. Columns: attendee | speaker | other organization's event:manage | reader | manager |
     * platform admin. Dashboard subscriptions are READ operations; unsubscribing only touches the caller's own
     * socket and answers everyone; attendee events are open to every valid token.
     */
    static final List<String[]> SOCKET_TABLE = List.of(
            new String[] {"agent:subscribe", "forbidden | forbidden | forbidden | ok | ok | ok"},
            new String[] {"subscribe:engagement", "forbidden | forbidden | forbidden | ok | ok | ok"},
            new String[] {"agent:unsubscribe", "ok | ok | ok | ok | ok | ok"},
            new String[] {"unsubscribe:engagement", "ok | ok | ok | ok | ok | ok"},
            new String[] {"session.join", "ok | ok | ok | ok | ok | ok"},
            new String[] {"chat.send", "ok | ok | ok | ok | ok | ok"},
            new String[] {"reaction.send", "ok | ok | ok | ok | ok | ok"},
            new String[] {"poll.vote", "ok | ok | ok | ok | ok | ok"},
            new String[] {"qa.ask", "ok | ok | ok | ok | ok | ok"},
            new String[] {"session.leave", "ok | ok | ok | ok | ok | ok"});

    @Test
    void everyCallerGetsTheSocketOutcomeOfThePermissionMatrix() throws Exception {
        SocketClients c = java.util.Objects.requireNonNull(clients);
        String session = "sx_matrix";
        String event = "sx_matrix_evt";
        register(session, event);
        for (Who who : Who.values()) {
            c.connected("mx-" + who.name(), url, token(who), "websocket");
        }
        // a poll reaches only attendees present in the room, so the callers join before it opens
        assertThat(c.call("mx-" + Who.ATTENDEE.name(), "session.join", payload("sessionId", session))
                        .path("success")
                        .asBoolean())
                .isTrue();
        String poll = openPoll(session, event);
        List<String> mismatches = new ArrayList<>();
        for (Who who : Who.values()) {
            String id = "mx-" + who.name();
            for (String[] row : SOCKET_TABLE) {
                String event0 = row[0];
                String expected = row[1].split(" \\| ")[who.ordinal()];
                Map<String, Object> p =
                        switch (event0) {
                            case "chat.send" -> payload("sessionId", session, "text", "hi");
                            case "reaction.send" -> payload("sessionId", session, "emoji", "👏");
                            case "poll.vote" -> payload("sessionId", session, "pollId", poll, "optionId", "2");
                            case "qa.ask" -> payload("sessionId", session, "text", "Will slides be shared?");
                            default -> payload("sessionId", session);
                        };
                String actual = outcome(c.call(id, event0, p));
                if (!actual.equals(expected)) {
                    mismatches.add(who + " " + event0 + ": expected " + expected + ", got " + actual);
                }
            }
            c.disconnect(id);
        }
        assertThat(mismatches).isEmpty();
    }

    /** One bad payload for one event and the ack error it must get. */
    record Bad(String event, @Nullable Object payload, String error) {}

    @Test
    void malformedPayloadsAndInvalidSessionIdsGetTheAckErrorsOfTheContractAndTheSocketLivesOn() throws Exception {
        SocketClients c = java.util.Objects.requireNonNull(clients);
        String session = "sx_bad";
        register(session, "sx_bad_evt");
        c.connected("bad", url, token(Who.MANAGER), "websocket");

        List<Bad> cases = new ArrayList<>();
        List<String> subscribes = List.of("agent:subscribe", "subscribe:engagement");
        List<String> unsubscribes = List.of("agent:unsubscribe", "unsubscribe:engagement");
        List<String> attendee = List.of("chat.send", "reaction.send", "poll.vote", "qa.ask");
        List<Object> notObjects = new ArrayList<>(List.of("sx_bad", 42, true, List.of("sx_bad"), List.of()));
        notObjects.add(null);
        Random random = new Random(20261125);
        List<Object> badIds = new ArrayList<>(
                List.of("bad id!", "", "x".repeat(101), "ü", "a/b", "a;b", " sx_bad", "sx_bad\n", 42, true, List.of()));
        for (int i = 0; i < 20; i++) {
            badIds.add(randomBadId(random));
        }
        for (String e : List.of(
                "agent:subscribe",
                "subscribe:engagement",
                "agent:unsubscribe",
                "unsubscribe:engagement",
                "session.join",
                "session.leave")) {
            notObjects.forEach(p -> cases.add(new Bad(e, p, "invalid_session_id")));
            cases.add(new Bad(e, payload(), "invalid_session_id"));
            badIds.forEach(id -> cases.add(new Bad(e, payload("sessionId", id), "invalid_session_id")));
        }
        for (String e : attendee) {
            notObjects.forEach(p -> cases.add(new Bad(e, p, "invalid_payload")));
            badIds.forEach(id -> cases.add(new Bad(e, payload("sessionId", id, "text", "hi"), "invalid_session_id")));
            cases.add(new Bad(e, payload("sessionId", session, "text", "hi", "emoji", "👏"), "not_joined"));
        }
        // unknown sessions
        subscribes.forEach(e -> cases.add(new Bad(e, payload("sessionId", "sx_never_seen"), "unknown_session")));
        cases.add(new Bad("session.join", payload("sessionId", "sx_never_seen"), "unknown_session"));
        // once joined: bad texts, emojis and votes
        cases.add(new Bad("session.join", payload("sessionId", session), "ok"));
        for (Object text : new Object[] {null, "", 5, List.of("hi"), payload("t", 1), "x".repeat(1001)}) {
            cases.add(new Bad("chat.send", payload("sessionId", session, "text", text), "invalid_payload"));
        }
        for (Object text : new Object[] {null, "", 5, "x".repeat(501)}) {
            cases.add(new Bad("qa.ask", payload("sessionId", session, "text", text), "invalid_payload"));
        }
        for (Object emoji : new Object[] {null, "", 7, "x".repeat(11)}) {
            cases.add(new Bad("reaction.send", payload("sessionId", session, "emoji", emoji), "invalid_payload"));
        }
        cases.add(new Bad("poll.vote", payload("sessionId", session, "pollId", 5, "optionId", "1"), "invalid_payload"));
        cases.add(new Bad("poll.vote", payload("sessionId", session, "pollId", "p", "optionId", 1), "invalid_payload"));
        cases.add(new Bad("poll.vote", payload("sessionId", session), "invalid_payload"));
        cases.add(new Bad(
                "poll.vote",
                payload("sessionId", session, "pollId", "agent-poll-none", "optionId", "1"),
                "unknown_poll"));
        // leaving and unsubscribing from sessions the socket never held is fine (idempotent)
        unsubscribes.forEach(e -> cases.add(new Bad(e, payload("sessionId", "sx_never_seen"), "ok")));
        cases.add(new Bad("session.leave", payload("sessionId", "sx_never_seen"), "ok"));

        List<String> mismatches = new ArrayList<>();
        for (Bad b : cases) {
            String actual = outcome(c.call("bad", b.event(), b.payload()));
            if (!actual.equals(b.error())) {
                mismatches.add(b + " got " + actual);
            }
        }
        assertThat(mismatches).as("of %d cases", cases.size()).isEmpty();

        // unknown events are ignored, and the socket still serves a valid call after everything above
        c.emit("bad", "no.such.event", payload("sessionId", session), null);
        assertThat(outcome(c.call("bad", "agent:subscribe", payload("sessionId", session))))
                .isEqualTo("ok");
        assertThat(c.seen()).noneMatch(e -> SocketClients.is(e, "bad", "disconnect"));
    }

    @Test
    void aPacketOverSixteenKibibytesClosesOnlyItsOwnConnectionWithoutAnAck() throws Exception {
        SocketClients c = java.util.Objects.requireNonNull(clients);
        String session = "sx_big";
        register(session, "sx_big_evt");
        c.connected("big", url, token(Who.ATTENDEE), "websocket");
        c.connected("bystander", url, token(Who.READER), "websocket");
        assertThat(outcome(c.call("big", "session.join", payload("sessionId", session))))
                .isEqualTo("ok");
        c.emit("big", "chat.send", payload("sessionId", session, "text", "x".repeat(17 * 1024)), "too-big");
        JsonNode gone = c.await(e -> SocketClients.is(e, "big", "disconnect"));
        assertThat(gone.path("reason").asString()).startsWith("transport");
        assertThat(c.seen())
                .noneMatch(e -> SocketClients.is(e, "big", "ack")
                        && e.path("ack").asString("").equals("too-big"));
        assertThat(outcome(c.call("bystander", "agent:subscribe", payload("sessionId", session))))
                .isEqualTo("ok");
        c.connected("again", url, token(Who.ATTENDEE), "websocket");
        assertThat(outcome(c.call("again", "session.join", payload("sessionId", session))))
                .isEqualTo("ok");
    }

    /** A seeded id that breaks §0 rule 5: a valid stem with one forbidden character, or 101..140 characters. */
    static String randomBadId(Random random) {
        String valid = "abcXYZ019_-";
        String forbidden = " !@#$%^&*()+=[]{}|:'\",.<>?~`ßé€";
        StringBuilder b = new StringBuilder();
        if (random.nextInt(4) == 0) {
            int n = 101 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                b.append(valid.charAt(random.nextInt(valid.length())));
            }
            return b.toString();
        }
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            b.append(valid.charAt(random.nextInt(valid.length())));
        }
        b.insert(random.nextInt(b.length() + 1), forbidden.charAt(random.nextInt(forbidden.length())));
        return b.toString();
    }
}

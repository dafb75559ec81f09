package com.engagementconductor.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.persistence.JarProcess;
import com.engagementconductor.support.SocketClients;
import com.engagementconductor.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Socket.IO contract (contracts §3.3, §7) checked with the stock {@code socket.io-client} 4.8 against the
 * packaged jar: handshake refusals, subscribe acks and snapshots over websocket, polling and the upgrade, the
 * agent's events with {@code sessionId} and {@code seq}, the attendee room, and reconnecting.
 */
class RealtimeContractIT {
    private static final TestTokens TOKENS = new TestTokens(Clock.systemUTC());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path workDir;

    static JarProcess jar;
    static int port;
    static String socketUrl;

    @BeforeAll
    static void start() {
        port = JarProcess.freePort();
        int socketPort = JarProcess.freePort();
        jar = JarProcess.start(
                workDir,
                Map.of(
                        "PORT",
                        String.valueOf(port),
                        "SOCKET_PORT",
                        String.valueOf(socketPort),
                        "JWT_SECRET",
                        TestTokens.SECRET,
                        "CONDUCTOR_TICK",
                        "1",
                        "CONDUCTOR_SECURITY_LEEWAY",
                        "1s"));
        jar.awaitOk("http://127.0.0.1:" + port + "/health", JarProcess.START_DEADLINE);
        socketUrl = "http://127.0.0.1:" + socketPort + "/events";
    }

    @AfterAll
    static void stop() {
        if (jar != null) {
            jar.close();
        }
    }

    private static HttpResponse<String> rest(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b = body == null
                ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void register(String session) throws Exception {
        HttpResponse<String> r = rest(
                "POST",
                "/api/v1/agent/sessions/register",
                TOKENS.org(),
                "{\"event_id\":\"evt_rt\",\"session_id\":\"" + session + "\",\"title\":\"Realtime\"}");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    private static Map<String, String> subscribe(String session) {
        return Map.of("sessionId", session);
    }

    @Test
    void theHandshakeRefusesMissingInvalidAndExpiredTokensWithUnauthorized() {
        try (SocketClients clients = new SocketClients()) {
            clients.connect("none", socketUrl, null, "websocket");
            clients.connect("bad", socketUrl, TOKENS.org() + "x", "polling");
            clients.connect("old", socketUrl, TOKENS.expired(), "websocket");

            for (String[] expected :
                    new String[][] {{"none", "missing_token"}, {"bad", "token_invalid"}, {"old", "token_expired"}}) {
                JsonNode error = clients.await(e -> SocketClients.is(e, expected[0], "connect_error"));
                assertThat(error.path("message").asString()).isEqualTo("unauthorized");
                assertThat(error.path("data").path("code").asString()).isEqualTo(expected[1]);
            }
            assertThat(clients.seen())
                    .noneMatch(e -> e.path("type").asString("").equals("connect"));
        }
    }

    @Test
    void dashboardsOnEveryTransportGetSnapshotsAndTheAgentsEventsWithSessionIdAndSeq() throws Exception {
        String session = "rt_dash";
        register(session);
        try (SocketClients clients = new SocketClients()) {
            clients.connected("ws", socketUrl, TOKENS.org(), "websocket");
            clients.connected("poll", socketUrl, "Bearer " + TOKENS.read(), "polling");
            clients.connected("up", socketUrl, TOKENS.org());
            assertThat(clients.awaitEvents("ws", "connectionAcknowledged", 1)
                            .get(0)
                            .path("userId")
                            .asString())
                    .isNotBlank();

            long seq = -1;
            for (String id : List.of("ws", "poll", "up")) {
                JsonNode ack = clients.call(id, "agent:subscribe", subscribe(session));
                assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
                assertThat(ack.path("sessionId").asString()).isEqualTo(session);
                JsonNode snapshot = ack.path("snapshot");
                assertThat(snapshot.path("mode").asString()).isEqualTo("MANUAL");
                assertThat(snapshot.has("status")).isTrue();
                assertThat(snapshot.has("pendingDecision")).isTrue();
                assertThat(snapshot.has("lastEngagement")).isTrue();
                assertThat(snapshot.has("recentAnomaly")).isTrue();
                assertThat(snapshot.path("seq").isIntegralNumber()).isTrue();
                seq = Math.max(seq, snapshot.path("seq").asLong());
            }
            // the prior dashboard's alias pair on one more session-less call: same ack, no cost
            JsonNode alias = clients.call("ws", "subscribe:engagement", subscribe(session));
            assertThat(alias.path("success").asBoolean()).isTrue();

            HttpResponse<String> mode =
                    rest("PUT", "/api/v1/agent/sessions/" + session + "/mode", TOKENS.org(), "{\"mode\":\"AUTO\"}");
            assertThat(mode.statusCode()).as(mode.body()).isEqualTo(200);

            for (String id : List.of("ws", "poll", "up")) {
                JsonNode status = clients.awaitEvents(id, "agent.status", 1).stream()
                        .filter(s -> s.path("mode").asString("").equals("AUTO"))
                        .findFirst()
                        .orElseGet(() -> clients.await(e -> SocketClients.is(e, id, "event")
                                        && e.path("event").asString("").equals("agent.status")
                                        && e.path("payload")
                                                .path("mode")
                                                .asString("")
                                                .equals("AUTO"))
                                .path("payload"));
                assertThat(status.path("sessionId").asString()).isEqualTo(session);
                assertThat(status.path("seq").asLong()).isGreaterThan(seq);
                assertThat(status.has("status")).isTrue();
            }
            assertThat(clients.events("ws", "agent.status"))
                    .as("one delivery per socket, not one per subscribe call")
                    .filteredOn(s -> s.path("mode").asString("").equals("AUTO"))
                    .hasSize(1);

            // signals → ticks → engagement:update with sessionId and seq
            StringBuilder items = new StringBuilder();
            for (int u = 0; u < 5; u++) {
                items.append(u == 0 ? "" : ",")
                        .append("{\"type\":\"join\",\"user_id\":\"u")
                        .append(u)
                        .append("\"},{\"type\":\"chat\",\"user_id\":\"u")
                        .append(u)
                        .append("\"}");
            }
            HttpResponse<String> signals = rest(
                    "POST", "/api/v1/sessions/" + session + "/signals", TOKENS.org(), "{\"signals\":[" + items + "]}");
            assertThat(signals.statusCode()).as(signals.body()).isIn(200, 202);
            for (String id : List.of("ws", "poll", "up")) {
                JsonNode update =
                        clients.awaitEvents(id, "engagement:update", 1).get(0);
                assertThat(update.path("sessionId").asString()).isEqualTo(session);
                assertThat(update.path("seq").isIntegralNumber()).isTrue();
                assertThat(update.has("score")).isTrue();
            }
            JsonNode upgraded = clients.await(e -> SocketClients.is(e, "up", "transport"));
            assertThat(upgraded.path("name").asString())
                    .as("the default client starts on polling and upgrades")
                    .isEqualTo("websocket");
            assertThat(clients.await(e -> SocketClients.is(e, "up", "open"))
                            .path("transport")
                            .asString())
                    .isEqualTo("polling");

            // reconnect: a new socket starts with no rooms and gets the current state in its snapshot
            clients.disconnect("up");
            clients.connected("again", socketUrl, TOKENS.org());
            JsonNode again = clients.call("again", "agent:subscribe", subscribe(session));
            assertThat(again.path("snapshot").path("mode").asString()).isEqualTo("AUTO");
            assertThat(again.path("snapshot")
                            .path("lastEngagement")
                            .path("sessionId")
                            .asString())
                    .isEqualTo(session);
            assertThat(again.path("snapshot").path("seq").asLong()).isGreaterThan(seq);

            JsonNode left = clients.call("ws", "agent:unsubscribe", subscribe(session));
            assertThat(left.path("success").asBoolean()).isTrue();
            assertThat(left.path("sessionId").asString()).isEqualTo(session);
        }
    }

    @Test
    void aSocketEndsWhenItsTokenExpires() {
        long exp = java.time.Instant.now().getEpochSecond() + 3;
        String shortLived = TOKENS.signClaims(
                Map.of("sub", "user_short", "orgId", "org_test", "permissions", List.of("event:manage"), "exp", exp));
        try (SocketClients clients = new SocketClients()) {
            clients.connected("short", socketUrl, shortLived, "websocket");
            JsonNode expired;
            try {
                expired = clients.awaitEvents("short", "auth.expired", 1).get(0);
            } catch (RuntimeException e) {
                throw new AssertionError(
                        "token " + shortLived + " now " + java.time.Instant.now() + "\n" + jar.output(), e);
            }
            assertThat(expired.path("reason").asString()).isEqualTo("token_expired");
            assertThat(java.time.Instant.parse(expired.path("at").asString()).getEpochSecond())
                    .isEqualTo(exp);
            JsonNode gone = clients.await(e -> SocketClients.is(e, "short", "disconnect"));
            assertThat(gone.path("reason").asString()).isEqualTo("io server disconnect");
        }
    }

    @Test
    void aDashboardsBurstOfSubscribesRightAfterConnectingIsAccepted() throws Exception {
        for (int i = 0; i < 21; i++) {
            register("rt_burst_" + i);
        }
        try (SocketClients clients = new SocketClients()) {
            clients.connected("burst", socketUrl, TOKENS.org(), "websocket");
            for (int i = 0; i < 21; i++) {
                clients.emit("burst", "agent:subscribe", subscribe("rt_burst_" + i), "b" + i);
            }
            List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 21; i++) {
                String ack = "b" + i;
                JsonNode a = clients.await(e -> SocketClients.is(e, "burst", "ack")
                                && e.path("ack").asString("").equals(ack))
                        .path("payload");
                answers.add(
                        a.path("success").asBoolean() ? "ok" : a.path("error").asString());
            }
            assertThat(answers.subList(0, 20)).as("a bucket of 20").containsOnly("ok");
            assertThat(answers.get(20)).isEqualTo("rate_limited");
            assertThat(clients.call("burst", "agent:subscribe", subscribe("rt_burst_3"))
                            .path("success")
                            .asBoolean())
                    .as("a session the socket already holds costs nothing")
                    .isTrue();
        }
    }

    @Test
    void pollingAnswersOnlyAllowedOrigins() throws Exception {
        String url = socketUrl.replace("/events", "") + "/socket.io/?EIO=4&transport=polling";
        HttpResponse<String> allowed = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Origin", "http://localhost:3000")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).startsWith("0{\"sid\":");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        HttpResponse<String> refused = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Origin", "https://evil.example")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void theAgentsOwnEventsReachTheDashboardWithTheirContractFields() throws Exception {
        String session = "rt_agent";
        HttpResponse<String> mode =
                rest("PUT", "/api/v1/agent/sessions/" + session + "/mode", TOKENS.org(), "{\"mode\":\"AUTO\"}");
        assertThat(mode.statusCode()).as(mode.body()).isEqualTo(200);
        try (SocketClients clients = new SocketClients()) {
            clients.connected("dash", socketUrl, TOKENS.org(), "websocket");
            assertThat(clients.call("dash", "agent:subscribe", subscribe(session))
                            .path("success")
                            .asBoolean())
                    .isTrue();
            HttpResponse<String> simulation = rest(
                    "POST",
                    "/api/v1/simulations",
                    TOKENS.org(),
                    "{\"session_id\":\"" + session + "\",\"scenario\":\"low_engagement\",\"attendees\":100,"
                            + "\"seed\":7,\"event_id\":\"evt_rt\"}");
            assertThat(simulation.statusCode()).as(simulation.body()).isEqualTo(201);
            Duration patience = Duration.ofSeconds(240);

            JsonNode anomaly =
                    clients.awaitEvents("dash", "anomaly:detected", 1, patience).get(0);
            assertThat(anomaly.path("sessionId").asString()).isEqualTo(session);
            assertThat(anomaly.has("type") && anomaly.has("severity") && anomaly.has("anomalyId"))
                    .isTrue();
            assertThat(anomaly.path("seq").isIntegralNumber()).isTrue();

            JsonNode decision =
                    clients.awaitEvents("dash", "agent.decision", 1, patience).get(0);
            assertThat(decision.path("sessionId").asString()).isEqualTo(session);
            JsonNode d = decision.path("decision");
            for (String field : List.of(
                    "decisionId",
                    "interventionType",
                    "confidence",
                    "posteriorMean",
                    "probabilityBest",
                    "reasoning",
                    "context",
                    "trendData",
                    "historicalPerformance",
                    "autoApproved",
                    "timestamp")) {
                assertThat(d.has(field)).as(field + " in " + d).isTrue();
            }
            assertThat(d.path("autoApproved").asBoolean()).as("AUTO").isTrue();
            assertThat(d.path("context").path("anomalyType").asString()).isNotBlank();

            JsonNode resolved = clients.awaitEvents("dash", "agent.decision.resolved", 1, patience)
                    .get(0);
            assertThat(resolved.path("decisionId").asString())
                    .isEqualTo(d.path("decisionId").asString());
            assertThat(resolved.path("resolution").asString()).isIn("AUTO_APPROVED", "HOLDOUT");

            JsonNode executed = clients.awaitEvents("dash", "agent.intervention.executed", 1, patience)
                    .get(0);
            for (String field : List.of("intervention_id", "intervention_type", "success", "result", "decision_id")) {
                assertThat(executed.has(field)).as(field + " in " + executed).isTrue();
            }
            assertThat(executed.path("decision_id").asString())
                    .isEqualTo(d.path("decisionId").asString());
            assertThat(executed.path("sessionId").asString()).isEqualTo(session);

            List<JsonNode> statuses = clients.events("dash", "agent.status");
            assertThat(statuses).extracting(s -> s.path("status").asString()).contains("INTERVENING");
            long last = -1;
            for (JsonNode s : statuses) {
                assertThat(s.path("seq").asLong())
                        .as("statuses arrive in seq order")
                        .isGreaterThan(last);
                last = s.path("seq").asLong();
            }
        }
    }

    @Test
    void subscribeErrorsFollowTheContract() throws Exception {
        String session = "rt_errors";
        register(session);
        try (SocketClients clients = new SocketClients()) {
            clients.connected("other", socketUrl, TOKENS.other(), "websocket");
            clients.connected("att", socketUrl, TOKENS.attendee(), "websocket");
            clients.connected("org", socketUrl, TOKENS.org(), "websocket");

            assertThat(clients.call("other", "agent:subscribe", subscribe(session))
                            .path("error")
                            .asString())
                    .isEqualTo("forbidden");
            assertThat(clients.call("att", "agent:subscribe", subscribe(session))
                            .path("error")
                            .asString())
                    .isEqualTo("forbidden");
            assertThat(clients.call("org", "agent:subscribe", Map.of("sessionId", "bad id!"))
                            .path("error")
                            .asString())
                    .isEqualTo("invalid_session_id");
            assertThat(clients.call("org", "agent:subscribe", "not an object")
                            .path("error")
                            .asString())
                    .isEqualTo("invalid_session_id");
            assertThat(clients.call("org", "agent:subscribe", subscribe("never_seen"))
                            .path("error")
                            .asString())
                    .isEqualTo("unknown_session");
            JsonNode refused = clients.call("other", "agent:subscribe", subscribe(session));
            assertThat(refused.path("success").asBoolean()).isFalse();
            assertThat(refused.size()).as("exactly success and error").isEqualTo(2);
        }
    }

    @Test
    void attendeesJoinChatVoteAndSeeWhatTheAgentLaunches() throws Exception {
        String session = "rt_att";
        register(session);
        try (SocketClients clients = new SocketClients()) {
            clients.connected("a1", socketUrl, TOKENS.attendee(), "websocket");
            clients.connected("a2", socketUrl, TOKENS.attendee(), "polling");

            JsonNode joined = clients.call("a1", "session.join", subscribe(session));
            assertThat(joined.path("success").asBoolean()).as(joined.toString()).isTrue();
            assertThat(joined.path("sessionId").asString()).isEqualTo(session);
            assertThat(joined.has("activePoll")).isTrue();
            assertThat(joined.has("activeChallenge")).isTrue();
            assertThat(clients.call("a2", "session.join", subscribe(session))
                            .path("success")
                            .asBoolean())
                    .isTrue();

            assertThat(clients.call("a2", "chat.send", Map.of("sessionId", "rt_other", "text", "hi"))
                            .path("error")
                            .asString())
                    .isEqualTo("not_joined");
            assertThat(clients.call("a1", "chat.send", Map.of("sessionId", session, "text", ""))
                            .path("error")
                            .asString())
                    .isEqualTo("invalid_payload");
            assertThat(clients.call("a1", "chat.send", Map.of("sessionId", session, "text", "<b>hi</b>"))
                            .path("success")
                            .asBoolean())
                    .isTrue();
            JsonNode line = clients.awaitEvents("a2", "chat.message", 1).get(0);
            assertThat(line.path("text").asString()).isEqualTo("<b>hi</b>");
            assertThat(line.path("sessionId").asString()).isEqualTo(session);

            JsonNode question = clients.call("a1", "qa.ask", Map.of("sessionId", session, "text", "Slides?"));
            assertThat(question.path("questionId").asString()).hasSize(36);
            assertThat(clients.awaitEvents("a2", "qa.question", 1)
                            .get(0)
                            .path("questionId")
                            .asString())
                    .isEqualTo(question.path("questionId").asString());
            for (int i = 0; i < 4; i++) {
                clients.call("a1", "chat.send", Map.of("sessionId", session, "text", "line " + i));
            }
            assertThat(clients.call("a1", "chat.send", Map.of("sessionId", session, "text", "sixth"))
                            .path("error")
                            .asString())
                    .as("5 chat lines per 10 s per user")
                    .isEqualTo("rate_limited");

            HttpResponse<String> manual = rest(
                    "POST",
                    "/api/v1/interventions/manual",
                    TOKENS.org(),
                    "{\"session_id\":\"" + session + "\",\"event_id\":\"evt_rt\",\"intervention_type\":\"POLL\","
                            + "\"reason\":\"check in\"}");
            assertThat(manual.statusCode()).as(manual.body()).isEqualTo(200);
            JsonNode opened = clients.awaitEvents("a2", "poll.opened", 1).get(0);
            String pollId = opened.path("poll").path("id").asString();
            assertThat(pollId).startsWith("agent-poll-");
            assertThat(clients.awaitEvents("a1", "agent:intervention:banner", 1)
                            .get(0)
                            .path("type")
                            .asString())
                    .isEqualTo("poll");

            JsonNode vote =
                    clients.call("a1", "poll.vote", Map.of("sessionId", session, "pollId", pollId, "optionId", "1"));
            assertThat(vote.path("success").asBoolean()).as(vote.toString()).isTrue();
            assertThat(clients.call("a1", "poll.vote", Map.of("sessionId", session, "pollId", pollId, "optionId", "2"))
                            .path("error")
                            .asString())
                    .isEqualTo("already_voted");
            assertThat(clients.call(
                                    "a1",
                                    "poll.vote",
                                    Map.of("sessionId", session, "pollId", "agent-poll-x", "optionId", "1"))
                            .path("error")
                            .asString())
                    .isEqualTo("unknown_poll");
        }
    }
}

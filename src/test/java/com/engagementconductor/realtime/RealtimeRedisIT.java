package com.engagementconductor.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.persistence.JarProcess;
import com.engagementconductor.support.SocketClients;
import com.engagementconductor.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on Redis (contracts §7.4, §8.1, verification V3, V5, V6): anything any process publishes on
 * {@code session:{id}:events} reaches the subscribed dashboards, including the integration guide's hand-written
 * {@code redis-cli PUBLISH} examples; sockets that leave without unsubscribing leave no subscription behind.
 */
class RealtimeRedisIT {
    private static final TestTokens TOKENS = new TestTokens(Clock.systemUTC());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path workDir;

    static JarProcess jar;
    static int port;
    static String socketUrl;
    static String redisHost;
    static String redisPort;

    @BeforeAll
    static void start() {
        String redisUrl = System.getenv("TEST_REDIS_URL");
        assertThat(redisUrl)
                .as("TEST_REDIS_URL (run the tests with `bash scripts/test.sh`)")
                .isNotBlank();
        URI redis = URI.create(redisUrl);
        redisHost = redis.getHost();
        redisPort = String.valueOf(redis.getPort());
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
                        "REDIS_URL",
                        redisUrl));
        jar.awaitOk("http://127.0.0.1:" + port + "/health", JarProcess.START_DEADLINE);
        socketUrl = "http://127.0.0.1:" + socketPort + "/events";
    }

    @AfterAll
    static void stop() {
        if (jar != null) {
            jar.close();
        }
    }

    private static void register(String session) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agent/sessions/register"))
                        .header("Authorization", "Bearer " + TOKENS.org())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"event_id\":\"evt_redis\",\"session_id\":\"" + session + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    private static String redisCli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", redisHost, "-p", redisPort));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static String metric(String name) throws Exception {
        String body = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst()
                .orElse("absent");
    }

    /** {@code agent.status} events a socket got from the hand-written publications (the agent's own carry mode). */
    private static long handWritten(SocketClients clients, String id) {
        return clients.events(id, "agent.status").stream()
                .filter(p -> !p.has("mode"))
                .count();
    }

    @Test
    void theIntegrationGuidesRedisCliExamplesReachTheSubscribedDashboardExactlyOnce() throws Exception {
        register("test_session_id");
        register("test_other_session");
        try (SocketClients clients = new SocketClients()) {
            clients.connected("dash", socketUrl, TOKENS.org());
            clients.connected("elsewhere", socketUrl, TOKENS.org(), "websocket");
            JsonNode ack = clients.call("dash", "agent:subscribe", Map.of("sessionId", "test_session_id"));
            assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
            assertThat(ack.path("snapshot").path("status").asString()).isEqualTo("IDLE");
            assertThat(ack.path("snapshot").path("mode").asString()).isEqualTo("MANUAL");
            assertThat(ack.path("snapshot").path("pendingDecision").isNull()).isTrue();
            assertThat(ack.path("snapshot").path("seq").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(clients.call("elsewhere", "agent:subscribe", Map.of("sessionId", "test_other_session"))
                            .path("success")
                            .asBoolean())
                    .isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> redisCli(
                            "PUBSUB", "NUMSUB", "session:test_session_id:events")
                    .endsWith("1"));

            String status = "{\"type\":\"agent.status\",\"session_id\":\"test_session_id\","
                    + "\"timestamp\":\"2026-01-04T12:00:00\",\"data\":{\"status\":\"MONITORING\"}}";
            assertThat(redisCli("PUBLISH", "session:test_session_id:events", status))
                    .isNotEqualTo("0");
            // the product's own agent may publish statuses for the session too (they carry `mode`)
            JsonNode received = clients.await(e -> SocketClients.is(e, "dash", "event")
                            && e.path("event").asString("").equals("agent.status")
                            && !e.path("payload").has("mode"))
                    .path("payload");
            assertThat(received.path("status").asString()).isEqualTo("MONITORING");
            assertThat(received.path("sessionId").asString()).isEqualTo("test_session_id");
            assertThat(received.path("seq").isIntegralNumber()).isTrue();
            assertThat(received.size()).as(received.toString()).isEqualTo(3);

            String decision = "{\"type\":\"agent.decision\",\"session_id\":\"test_session_id\","
                    + "\"timestamp\":\"2026-01-04T12:00:00\",\"data\":{\"decision\":{\"interventionType\":\"POLL\","
                    + "\"confidence\":0.85,\"reasoning\":\"Engagement dropped 15% in 2 minutes. Launching interactive"
                    + " poll to re-engage.\",\"context\":{\"engagement_bucket\":\"MEDIUM\",\"session_size_bucket\":"
                    + "\"LARGE\",\"anomaly_type\":\"DROP\"},\"historicalPerformance\":{\"successRate\":0.73,"
                    + "\"totalAttempts\":24,\"isExploring\":false},\"autoApproved\":false,"
                    + "\"timestamp\":\"2026-01-04T12:00:00\"}}}";
            redisCli("PUBLISH", "session:test_session_id:events", decision);
            JsonNode d = clients.awaitEvents("dash", "agent.decision", 1).get(0);
            JsonNode published =
                    JsonMapper.builder().build().readTree(decision).path("data").path("decision");
            assertThat(d.path("decision")).isEqualTo(published);
            assertThat(d.path("sessionId").asString()).isEqualTo("test_session_id");
            assertThat(d.path("seq").asLong())
                    .isGreaterThan(received.path("seq").asLong());

            // invalid envelopes are dropped, the next valid one still arrives
            redisCli("PUBLISH", "session:test_session_id:events", "{\"type\":\"connect\",\"data\":{}}");
            redisCli("PUBLISH", "session:test_session_id:events", "not json");
            redisCli(
                    "PUBLISH",
                    "session:test_session_id:events",
                    "{\"type\":\"agent.status\",\"data\":{\"status\":\"IDLE\"}}");
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> handWritten(clients, "dash") == 2);
            Awaitility.await()
                    .during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> handWritten(clients, "dash") == 2);
            assertThat(clients.events("dash", "connect")).isEmpty();
            assertThat(clients.events("elsewhere", "agent.status"))
                    .as("a socket not subscribed to the session receives nothing of it")
                    .noneMatch(p -> p.path("sessionId").asString("").equals("test_session_id"));
            assertThat(clients.events("elsewhere", "agent.decision")).isEmpty();
        }
    }

    @Test
    void socketsThatLeaveWithoutUnsubscribingLeaveNoSubscriptionBehind() throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sessions.add("crowd_" + i);
            register("crowd_" + i);
        }
        try (SocketClients clients = new SocketClients()) {
            clients.send(Map.of(
                    "op", "crowd", "count", 1000, "url", socketUrl, "token", TOKENS.org(), "sessions", sessions));
            JsonNode crowd = clients.await(e -> e.path("type").asString("").equals("crowd"), Duration.ofSeconds(120));
            assertThat(crowd.path("subscribed").asInt()).as(crowd.toString()).isEqualTo(1000);
            assertThat(redisCli("PUBSUB", "NUMSUB", "session:crowd_7:events")).endsWith("1");
            assertThat(Double.parseDouble(metric("conductor_realtime_sockets"))).isGreaterThanOrEqualTo(1000);
            assertThat(Double.parseDouble(metric("conductor_realtime_subscriptions")))
                    .isGreaterThanOrEqualTo(20);

            clients.send(Map.of("op", "crowdClose"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(metric("conductor_realtime_sockets")).isEqualTo("0.0");
                assertThat(metric("conductor_realtime_subscriptions")).isEqualTo("0.0");
            });
            for (String s : sessions) {
                assertThat(redisCli("PUBSUB", "NUMSUB", "session:" + s + ":events"))
                        .as(s)
                        .endsWith("0");
            }
        }
    }
}

package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.persistence.JarProcess;
import com.engagementconductor.support.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees of a running jar during a simulated session (contracts §4.17, issue "operations"):
 * Prometheus samples of the product's meters, the JSON metrics and health bodies, and traces of the agent's steps
 * and of requests exported over OTLP to a collector (a recording stand-in on loopback).
 */
class OperationsJarIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TestTokens TOKENS = new TestTokens(Clock.systemUTC());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PRIVATE_CHAT = "my-private-chat-line-4711";
    private static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();

    @TempDir
    static Path workDir;

    static HttpServer collector;
    static JarProcess jar;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            EXPORTS.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        port = JarProcess.freePort();
        jar = JarProcess.start(
                workDir,
                Map.of(
                        "PORT",
                        String.valueOf(port),
                        "SOCKET_PORT",
                        String.valueOf(JarProcess.freePort()),
                        "JWT_SECRET",
                        TestTokens.SECRET,
                        "CONDUCTOR_TICK",
                        "1s",
                        "LOGGING_STRUCTURED_FORMAT_CONSOLE",
                        "ecs",
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        "http://127.0.0.1:" + collector.getAddress().getPort()));
        jar.awaitOk(url("/health"), JarProcess.START_DEADLINE);
    }

    @AfterAll
    static void stop() {
        if (jar != null) {
            jar.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void aSimulatedSessionShowsInMetricsHealthTracesAndStructuredLogs() throws Exception {
        String session = "ops_sim_1";
        HttpResponse<String> created = send(
                "POST",
                "/api/v1/simulations",
                "{\"session_id\":\"" + session
                        + "\",\"scenario\":\"steady\",\"attendees\":200,\"seed\":3,\"event_id\":\"evt_ops\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // a few ticks of the simulated audience, then an organizer's poll that the built-in executor delivers
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sum(prometheus(), "conductor_ticks_total", "") >= 3);
        HttpResponse<String> chat = send(
                "POST",
                "/api/v1/sessions/" + session + "/signals",
                "{\"signals\":[{\"type\":\"chat\",\"user_id\":\"u1\",\"text\":\"" + PRIVATE_CHAT + "\"}]}");
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(202);
        HttpResponse<String> manual = send(
                "POST",
                "/api/v1/interventions/manual",
                "{\"session_id\":\"" + session
                        + "\",\"event_id\":\"evt_ops\",\"intervention_type\":\"POLL\",\"reason\":\"pulse check\","
                        + "\"context\":{\"question\":\"How is the pace so far?\",\"options\":[\"Too fast\",\"Just right\"]}}");
        assertThat(manual.statusCode()).as(manual.body()).isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sum(prometheus(), "conductor_interventions_total", "status=\"EXECUTED\"") >= 1);

        String text = prometheus();
        for (String meter : List.of(
                "conductor_ticks_total",
                "conductor_tick_duration_seconds_count",
                "conductor_signals_ingested_total",
                "conductor_interventions_total",
                "conductor_outbox_lag_seconds_count",
                "conductor_active_sessions")) {
            assertThat(sum(text, meter, "")).as(meter).isPositive();
        }
        // a steady audience raises no anomaly and the agent decides nothing: those meters exist at zero
        // (their non-zero samples after a drop are shown on the hand-moved clock of ClosedLoopTests)
        assertThat(text).contains("conductor_decisions_total{intervention_type=\"POLL\",state=\"PENDING\"} 0.0");
        assertThat(text).contains("conductor_pending_decisions 0.0");
        assertThat(text).contains("conductor_socket_connections{kind=\"dashboard\"} 0.0");

        JsonNode metrics = JSON.readTree(send("GET", "/metrics", null).body());
        assertThat(metrics.path("agent_metrics").path("total_sessions").asLong())
                .isEqualTo(1);
        assertThat(metrics.path("agent_metrics").path("total_interventions").asLong())
                .isGreaterThanOrEqualTo(1);

        HttpResponse<String> detailed = send("GET", "/health/detailed", null);
        assertThat(detailed.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(detailed.body()).path("components");
        assertThat(components.path("agent").path("active_sessions").asInt()).isEqualTo(1);
        assertThat(components.path("database").path("kind").asString()).isEqualTo("h2");
        assertThat(components.path("redis").path("status").asString()).isEqualTo("embedded");

        // spans leave in batches every few seconds: one per agent step (named for the step), one per request
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> exported().contains("agent decide")
                        && exported().contains("http post /api/v1/interventions/manual"));
        String spans = exported();
        assertThat(spans).contains("agent perceive", "agent act", "agent learn", "session_id", "DECIDE");
        assertThat(spans).contains(session).contains("http post /api/v1/interventions/manual");

        // structured logs (ECS) carry the ids; never a token, the secret or what attendees wrote
        String output = jar.stdout() + jar.stderr();
        JsonNode dispatched = output.lines()
                .filter(l -> l.startsWith("{") && l.contains("intervention") && l.contains("dispatched"))
                .map(JSON::readTree)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no structured dispatch line in:\n" + jar.output()));
        assertThat(dispatched.path("session_id").asString()).isEqualTo("ops_sim_1");
        assertThat(dispatched.path("intervention_id").asString()).hasSize(36);
        assertThat(dispatched.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(output)
                .doesNotContain(TOKENS.org())
                .doesNotContain(TestTokens.SECRET)
                .doesNotContain(PRIVATE_CHAT);
    }

    private static String exported() {
        StringBuilder all = new StringBuilder();
        for (byte[] body : EXPORTS) {
            all.append(new String(body, StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    /** The sum of a meter's samples whose labels contain {@code labelPart}. */
    private static double sum(String text, String name, String labelPart) {
        return text.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .filter(l -> l.contains(labelPart))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String prometheus() throws Exception {
        HttpResponse<String> r = send("GET", "/actuator/prometheus", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return r.body();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + TOKENS.org())
                .header("Content-Type", "application/json");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

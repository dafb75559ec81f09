package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.persistence.JarProcess;
import com.engagementconductor.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real jar is killed ({@code kill -9}) with one decision waiting for approval and one execution waiting for
 * its reward. After a restart on the same database the decision is still approvable, the reward is measured
 * from the stored ticks, and nothing is executed twice. Ticks every second, real time.
 */
class AgentRestartIT {
    private static final Duration LONG = Duration.ofMinutes(4);

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String token = new TestTokens(InstantSource.system()).org();
    private int port;

    @Test
    void aKilledNodeLosesNoDecisionAndNoReward() throws Exception {
        port = JarProcess.freePort();
        Map<String, String> env = Map.of(
                "PORT",
                String.valueOf(port),
                "SOCKET_PORT",
                String.valueOf(JarProcess.freePort()),
                "JWT_SECRET",
                TestTokens.SECRET,
                "CONDUCTOR_TICK",
                "1s");
        String executedId;
        String waitingDecision;
        try (JarProcess first = JarProcess.start(work, env)) {
            first.awaitOk(base() + "/health", JarProcess.START_DEADLINE);
            call(
                    "PUT",
                    "/api/v1/agent/events/evt_kill/settings",
                    "{\"approval_timeout_seconds\":900,\"allowed_interventions\":[\"POLL\"]}",
                    200);
            for (String s : new String[] {"kill_wait", "kill_exec"}) {
                call(
                        "POST",
                        "/api/v1/simulations",
                        "{\"session_id\":\"" + s + "\",\"scenario\":\"low_engagement\","
                                + "\"attendees\":100,\"seed\":7,\"event_id\":\"evt_kill\"}",
                        201);
            }
            String toApprove = awaitPending("kill_exec");
            JsonNode approved =
                    call("POST", "/api/v1/agent/sessions/kill_exec/decisions/" + toApprove + "/approve", "", 200);
            executedId =
                    approved.path("execution_result").path("intervention_id").asString();
            assertThat(executedId).isNotBlank();
            JsonNode record = Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () -> intervention("kill_exec", executedId),
                            r -> r != null && "EXECUTED".equals(r.path("status").asString()));
            assertThat(record.path("outcome").path("executed").asBoolean())
                    .as("delivered to simulated attendees")
                    .isTrue();
            Instant executedAt =
                    Instant.parse(record.path("outcome").path("executed_at").asString());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(executedAt.plusSeconds(62)));
            waitingDecision = awaitPending("kill_wait");
            first.kill();
        }
        try (JarProcess second = JarProcess.start(work, env)) {
            second.awaitOk(base() + "/health", JarProcess.START_DEADLINE);
            JsonNode approved =
                    call("POST", "/api/v1/agent/sessions/kill_wait/decisions/" + waitingDecision + "/approve", "", 200);
            assertThat(approved.path("decision_id").asString()).isEqualTo(waitingDecision);
            JsonNode measured = Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> intervention("kill_exec", executedId),
                            r -> r != null && "MEASURED".equals(r.path("status").asString()));
            assertThat(measured.path("outcome").path("reward").isNumber()).isTrue();
            assertThat(measured.path("outcome").path("executed").asBoolean()).isTrue();
            assertThat(call("GET", "/api/v1/interventions/history/kill_exec", null, 200)
                            .path("total")
                            .asInt())
                    .as("executed once")
                    .isEqualTo(1);
            assertThat(call("GET", "/api/v1/interventions/history/kill_wait", null, 200)
                            .path("total")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    private String awaitPending(String session) {
        JsonNode decisions = Awaitility.await()
                .atMost(LONG)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> call("GET", "/api/v1/agent/sessions/" + session + "/decisions", null, 200),
                        d -> d.path("total").asInt() > 0);
        return decisions.path("decisions").get(0).path("decision_id").asString();
    }

    private JsonNode intervention(String session, String id) {
        for (JsonNode item : call("GET", "/api/v1/interventions/history/" + session, null, 200)
                .path("interventions")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private JsonNode call(String method, String path, String body, int expected) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30));
            if (body == null) {
                req.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                req.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode())
                    .as(method + " " + path + ": " + res.body())
                    .isEqualTo(expected);
            return res.body().isEmpty() ? json.createObjectNode() : json.readTree(res.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

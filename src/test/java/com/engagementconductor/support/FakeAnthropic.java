package com.engagementconductor.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the Anthropic Messages API ({@code POST /v1/messages}) on loopback: scripted answers, delays,
 * hangs and status codes per model, and every request body it received. Never talks to the internet.
 */
public final class FakeAnthropic implements AutoCloseable {

    /** One scripted reaction to a request. */
    public interface Script extends Function<JsonNode, Reply> {}

    /** What the server answers: a status, a body, after a delay or once a latch opens. */
    public record Reply(int status, String body, long delayMillis, CountDownLatch hold) {}

    /** A received request. */
    public record Received(String model, String body, JsonNode json) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String SONNET = "claude-sonnet-4-5-20250929";
    public static final String HAIKU = "claude-haiku-4-5-20251001";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-anthropic");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Deque<Script>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Script> defaults = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    public FakeAnthropic() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/v1/messages", this::handle);
        server.start();
    }

    /** The base URL to configure as {@code ANTHROPIC_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request for {@code model} gets this reaction (scripts queue up, then the default applies). */
    public FakeAnthropic then(String model, Script script) {
        scripts.computeIfAbsent(model, m -> new ArrayDeque<>()).addLast(script);
        return this;
    }

    /** Requests for {@code model} without a queued script get this reaction (default: valid content). */
    public FakeAnthropic always(String model, Script script) {
        defaults.put(model, script);
        return this;
    }

    /** Forgets queued scripts, defaults and received requests. */
    public void reset() {
        scripts.clear();
        defaults.clear();
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String model) {
        return received.stream().filter(r -> r.model().equals(model)).toList();
    }

    /** Lets every hanging request go (they then answer 500). */
    public void releaseHangs() {
        released.countDown();
    }

    // ---- scripts

    /** A tool_use answer with this input and usage. */
    public static Script tool(Map<String, ?> input, long inputTokens, long outputTokens) {
        return tool(input, inputTokens, outputTokens, 0, 0);
    }

    public static Script tool(
            Map<String, ?> input, long inputTokens, long outputTokens, long cacheWrite, long cacheRead) {
        return request -> ok(message(
                request.path("model").asString(),
                List.of(Map.of(
                        "type",
                        "tool_use",
                        "id",
                        "toolu_01",
                        "name",
                        request.path("tools").path(0).path("name").asString(),
                        "input",
                        input)),
                inputTokens,
                outputTokens,
                cacheWrite,
                cacheRead));
    }

    /** A text answer (e.g. malformed JSON). */
    public static Script text(String text, long inputTokens, long outputTokens) {
        return request -> ok(message(
                request.path("model").asString(),
                List.of(Map.of("type", "text", "text", text)),
                inputTokens,
                outputTokens,
                0,
                0));
    }

    /** Valid content for whichever tool the request asks for. */
    public static Script valid(long inputTokens, long outputTokens) {
        return request -> tool(
                        validInput(request.path("tools").path(0).path("name").asString()), inputTokens, outputTokens)
                .apply(request);
    }

    public static Map<String, Object> validInput(String toolName) {
        return switch (toolName) {
            case "emit_poll" -> Map.of(
                    "question",
                    "Which demo should we run next?",
                    "options",
                    List.of("Live coding", "Architecture", "Q&A"));
            case "emit_broadcast" -> Map.of("message", "Tell us in chat which example you want to see next!");
            case "emit_notification" -> Map.of(
                    "title",
                    "Audience is drifting",
                    "body",
                    "Chat went quiet over the last minutes.",
                    "priority",
                    "high",
                    "suggested_action",
                    "Ask the audience a direct question.");
            default -> Map.of(
                    "action",
                    "START_CHALLENGE",
                    "template",
                    "CHAT_BLITZ",
                    "name",
                    "Idea Blitz",
                    "description",
                    "Share your best idea in chat within 5 minutes");
        };
    }

    /** An HTTP status with an error body. */
    public static Script status(int status) {
        return request -> new Reply(
                status,
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"scripted " + status + "\"}}",
                0,
                new CountDownLatch(0));
    }

    /** The same reaction after a delay. */
    public static Script delayed(long millis, Script then) {
        return request -> {
            Reply r = then.apply(request);
            return new Reply(r.status(), r.body(), millis, r.hold());
        };
    }

    /** Never answers until {@link #releaseHangs()} (or 60 s). */
    public Script hang() {
        return request -> new Reply(500, "{}", 0, released);
    }

    private static Reply ok(String body) {
        return new Reply(200, body, 0, new CountDownLatch(0));
    }

    private static String message(
            String model, List<Map<String, ?>> content, long input, long output, long cacheWrite, long cacheRead) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("input_tokens", input);
        usage.put("output_tokens", output);
        usage.put("cache_creation_input_tokens", cacheWrite);
        usage.put("cache_read_input_tokens", cacheRead);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "msg_fake");
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", model);
        m.put("content", content);
        m.put("stop_reason", "tool_use");
        m.put("stop_sequence", null);
        m.put("usage", usage);
        return JSON.writeValueAsString(m);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = JSON.readTree(body);
            String model = json.path("model").asString();
            received.add(new Received(model, body, json));
            Deque<Script> queue = scripts.get(model);
            Script script = null;
            if (queue != null) {
                synchronized (queue) {
                    script = queue.pollFirst();
                }
            }
            if (script == null) {
                script = defaults.getOrDefault(model, valid(1000, 500));
            }
            Reply reply = script.apply(json);
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            reply.hold().await(60, TimeUnit.SECONDS);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout); nothing to answer
        }
    }

    @Override
    public void close() {
        releaseHangs();
        server.stop(0);
        threads.shutdownNow();
    }
}

package com.engagementconductor.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real {@code socket.io-client} 4.8 sockets in a Node process ({@code src/test/node/socket-driver.mjs}), driven
 * from a test: commands go to its stdin, everything the sockets see comes back as JSON lines.
 */
public final class SocketClients implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Process node;
    private final Writer in;
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
    private final StringBuilder errors = new StringBuilder();

    public SocketClients() {
        Path driver = Path.of("src/test/node/socket-driver.mjs").toAbsolutePath();
        if (!Files.isDirectory(Path.of("src/test/node/node_modules/socket.io-client"))) {
            throw new IllegalStateException(
                    "socket.io-client is not installed: run `npm install --no-audit --no-fund --prefix src/test/node`"
                            + " (scripts/provision.sh does)");
        }
        try {
            node = new ProcessBuilder("node", driver.toString())
                    .directory(driver.getParent().toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node", e);
        }
        in = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> read(node), "socket-clients-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread err = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(node.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            synchronized (errors) {
                                errors.append(line).append('\n');
                            }
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "socket-clients-stderr");
        err.setDaemon(true);
        err.start();
        await(e -> e.path("type").asString("").equals("ready"));
    }

    private void read(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.add(JSON.readTree(line));
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Sends one raw command to the driver (see {@code socket-driver.mjs}). */
    public synchronized void send(Map<String, Object> command) {
        try {
            in.write(JSON.writeValueAsString(command));
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("node driver gone: " + errors, e);
        }
    }

    /** Opens a socket; {@code token} null sends no {@code auth} at all. */
    public void connect(String id, String url, @Nullable String token, String... transports) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("op", "connect");
        c.put("id", id);
        c.put("url", url);
        if (token != null) {
            c.put("token", token);
        }
        if (transports.length > 0) {
            c.put("transports", List.of(transports));
        }
        send(c);
    }

    /** Connects and waits for {@code connect}. */
    public void connected(String id, String url, String token, String... transports) {
        connect(id, url, token, transports);
        await(e -> is(e, id, "connect") || is(e, id, "connect_error"));
        JsonNode error = first(e -> is(e, id, "connect_error"));
        if (error != null) {
            throw new AssertionError("socket " + id + " was refused: " + error);
        }
    }

    /** Emits with an ack and waits for it. */
    public JsonNode call(String id, String event, Object payload) {
        String ack = "ack-" + seen.size() + "-" + System.nanoTime();
        emit(id, event, payload, ack);
        return await(e -> is(e, id, "ack") && ack.equals(e.path("ack").asString("")))
                .path("payload");
    }

    public void emit(String id, String event, Object payload, @Nullable String ack) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("op", "emit");
        c.put("id", id);
        c.put("event", event);
        c.put("payload", payload);
        if (ack != null) {
            c.put("ack", ack);
        }
        send(c);
    }

    public void disconnect(String id) {
        send(Map.of("op", "disconnect", "id", id));
    }

    /** Everything seen so far. */
    public List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    /** Payloads of server events named {@code event} received by socket {@code id}, in order. */
    public List<JsonNode> events(String id, String event) {
        return seen.stream()
                .filter(e -> is(e, id, "event") && event.equals(e.path("event").asString("")))
                .map(e -> e.path("payload"))
                .toList();
    }

    /** Waits for the first line that matches and returns it. */
    public JsonNode await(Predicate<JsonNode> match) {
        return await(match, WAIT);
    }

    public JsonNode await(Predicate<JsonNode> match, Duration wait) {
        Awaitility.await()
                .atMost(wait)
                .pollInterval(Duration.ofMillis(20))
                .alias("socket clients; seen so far: " + seen + "; stderr: " + errors)
                .until(() -> first(match) != null);
        JsonNode found = first(match);
        if (found == null) {
            throw new AssertionError("not seen");
        }
        return found;
    }

    /** Waits for the {@code n}-th event named {@code event} on socket {@code id}; returns all of them. */
    public List<JsonNode> awaitEvents(String id, String event, int n) {
        return awaitEvents(id, event, n, WAIT);
    }

    public List<JsonNode> awaitEvents(String id, String event, int n, Duration wait) {
        Awaitility.await()
                .atMost(wait)
                .pollInterval(Duration.ofMillis(20))
                .alias(id + " " + event + " x" + n + "; seen: " + seen)
                .until(() -> events(id, event).size() >= n);
        return events(id, event);
    }

    private @Nullable JsonNode first(Predicate<JsonNode> match) {
        for (JsonNode e : seen) {
            if (match.test(e)) {
                return e;
            }
        }
        return null;
    }

    public static boolean is(JsonNode e, String id, String type) {
        return id.equals(e.path("id").asString(""))
                && type.equals(e.path("type").asString(""));
    }

    @Override
    public void close() {
        try {
            send(Map.of("op", "exit"));
        } catch (RuntimeException ignored) {
            // already gone
        }
        try {
            if (!node.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.destroyForcibly();
        }
    }
}

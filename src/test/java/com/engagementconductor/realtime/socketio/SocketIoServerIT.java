package com.engagementconductor.realtime.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** Drives the server with the stock socket.io-client 4.8.1 (Node scripts under src/test/node). */
class SocketIoServerIT {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ExecutorService APPLICATION = Executors.newSingleThreadExecutor();

    private static SocketIoServer server;
    private static Namespace events;
    private static final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private static final Queue<String> disconnectReasons = new ConcurrentLinkedQueue<>();
    private static final Queue<String> handledEvents = new ConcurrentLinkedQueue<>();
    private static final Queue<JsonNode> authSeen = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        NodeClient.requireInstalled();
        server = new SocketIoServer(SocketIoOptions.defaults(0).withPort(0));
        events = server.namespace("/events");
        installTestNamespace(events);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        APPLICATION.shutdownNow();
    }

    @BeforeEach
    void clear() {
        awaitTrue(() -> server.connectedSockets() == 0);
        sockets.clear();
        disconnectReasons.clear();
        handledEvents.clear();
        authSeen.clear();
    }

    static void installTestNamespace(Namespace namespace) {
        namespace.authenticator(handshake -> {
            authSeen.add(handshake.auth());
            if (handshake.auth().isNull()) {
                return AuthResult.reject("unauthorized", Map.of("reason", "missing auth"));
            }
            JsonNode token = handshake.auth().get("token");
            if (token != null && "good".equals(token.asString())) {
                return AuthResult.accept("user-" + handshake.remoteAddress().getPort());
            }
            return AuthResult.reject("unauthorized", Map.of("reason", "bad token", "code", 401));
        });
        namespace.onConnect(socket -> {
            sockets.add(socket);
            List<String> notes = new ArrayList<>();
            AtomicInteger expectedUp = new AtomicInteger();
            AtomicInteger outOfOrder = new AtomicInteger();
            socket.onDisconnect(disconnectReasons::add);
            socket.on("echo", (s, args, ack) -> {
                handledEvents.add("echo");
                if (ack != null) {
                    ack.send(args.get(0).toString());
                    ack.send("\"second ack is ignored\"");
                }
            });
            socket.on("note", (s, args, ack) -> notes.add(args.get(0).asString() + (ack == null ? ":no-ack" : ":ack")));
            socket.on("notes", (s, args, ack) -> ack.send(MAPPER.writeValueAsString(notes)));
            socket.on("boom", (s, args, ack) -> {
                throw new IllegalStateException("a failing handler");
            });
            socket.on("burst", (s, args, ack) -> {
                int count = args.get(0).asInt();
                for (int i = 0; i < count; i++) {
                    s.emit("seq", Integer.toString(i));
                }
            });
            socket.on("up", (s, args, ack) -> {
                int n = args.get(0).asInt();
                if (n != expectedUp.get()) {
                    outOfOrder.incrementAndGet();
                }
                expectedUp.set(n + 1);
                s.emit("tick", Integer.toString(n));
            });
            socket.on(
                    "finish",
                    (s, args, ack) -> ack.send("{\"received\":" + expectedUp.get() + ",\"outOfOrder\":"
                            + outOfOrder.get() + ",\"transport\":\"" + s.transport() + "\"}"));
            socket.on("join", (s, args, ack) -> {
                s.join(args.get(0).asString());
                ack.send(null);
            });
            socket.on(
                    "roomSize",
                    (s, args, ack) -> ack.send(
                            Integer.toString(namespace.roomSize(args.get(0).asString()))));
            socket.on("broadcast", (s, args, ack) -> {
                String room = args.get(0).asString();
                APPLICATION.execute(() -> {
                    namespace.broadcast(room, "news", "{\"room\":\"" + room + "\"}");
                    for (Socket each : sockets) {
                        each.emit("direct", "\"to " + each.id() + "\"");
                        each.emit("done", null);
                    }
                    ack.send(null);
                });
            });
        });
    }

    @Test
    void connectsOverWebsocketOnly() {
        JsonNode result = NodeClient.run("basic.mjs", server.port(), "websocket");

        assertConnected(result, "websocket");
    }

    @Test
    void connectsOverPollingOnly() {
        JsonNode result = NodeClient.run("basic.mjs", server.port(), "polling");

        assertConnected(result, "polling");
    }

    private void assertConnected(JsonNode result, String transport) {
        assertThat(result.get("connected").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("transport").asString()).isEqualTo(transport);
        assertThat(result.get("echoed").toString()).isEqualTo("[{\"text\":\"hello\",\"n\":1}]");
        assertThat(result.get("notes").toString()).isEqualTo("[[\"unacknowledged:no-ack\"]]");
        assertThat(sockets).hasSize(1);
        Socket socket = sockets.peek();
        assertThat(socket.id()).isEqualTo(result.get("id").asString());
        assertThat((String) socket.attachment()).startsWith("user-");
        awaitTrue(() -> !socket.connected());
        assertThat(disconnectReasons).containsExactly("client namespace disconnect");
        assertThat(server.connectedSockets()).isZero();
    }

    @Test
    void upgradesFromPollingToWebsocketWithoutLosingOrReorderingMessages() {
        JsonNode result = NodeClient.run("upgrade.mjs", server.port(), 1000);

        assertThat(result.get("transport").asString()).as(result.toString()).isEqualTo("websocket");
        assertThat(result.get("outOfOrder").asInt()).isZero();
        assertThat(result.get("received").asInt()).isEqualTo(result.get("sent").asInt());
        assertThat(result.get("received").asInt()).isGreaterThanOrEqualTo(1000);
        assertThat(result.get("byTransport").get("polling").asInt()).isGreaterThanOrEqualTo(50);
        assertThat(result.get("byTransport").get("websocket").asInt()).isPositive();
        JsonNode seenByServer = result.get("server");
        assertThat(seenByServer.get("received").asInt())
                .isEqualTo(result.get("sent").asInt());
        assertThat(seenByServer.get("outOfOrder").asInt()).isZero();
        assertThat(seenByServer.get("transport").asString()).isEqualTo("websocket");
    }

    @Test
    void rejectedAuthReachesTheClientAsConnectError() {
        JsonNode result = NodeClient.run("basic.mjs", server.port(), "websocket", "bad");

        assertThat(result.get("connected").asBoolean()).isFalse();
        assertThat(result.get("message").asString()).isEqualTo("unauthorized");
        assertThat(result.get("data").get("reason").asString()).isEqualTo("bad token");
        assertThat(result.get("data").get("code").asInt()).isEqualTo(401);
        assertThat(sockets).isEmpty();
    }

    @Test
    void connectWithoutAuthGoesToTheAuthenticatorAsNull() {
        JsonNode result = NodeClient.run("noauth.mjs", server.port());

        assertThat(result.get("connected").asBoolean()).isFalse();
        assertThat(result.get("message").asString()).isEqualTo("unauthorized");
        assertThat(result.get("data").get("reason").asString()).isEqualTo("missing auth");
        assertThat(authSeen).hasSize(1);
        assertThat(authSeen.peek().isNull()).isTrue();
    }

    @Test
    void unknownNamespaceIsRefused() {
        JsonNode result = NodeClient.run("noauth.mjs", server.port(), "/elsewhere");

        assertThat(result.get("connected").asBoolean()).isFalse();
        assertThat(result.get("message").asString()).isEqualTo("Invalid namespace");
        assertThat(authSeen).isEmpty();
    }

    @Test
    void aBurstOf500EmitsReachesAPollingClientInOrder() {
        JsonNode result = NodeClient.run("burst.mjs", server.port(), 500, "polling");

        assertThat(result.get("received").asInt()).as(result.toString()).isEqualTo(500);
        assertThat(result.get("inOrder").asBoolean()).isTrue();
        assertThat(result.get("transport").asString()).isEqualTo("polling");
    }

    @Test
    void aBurstOf5000EmitsReachesAWebsocketClientInOrder() {
        JsonNode result = NodeClient.run("burst.mjs", server.port(), 5000, "websocket");

        assertThat(result.get("received").asInt()).as(result.toString()).isEqualTo(5000);
        assertThat(result.get("inOrder").asBoolean()).isTrue();
    }

    @Test
    void broadcastReachesExactlyTheJoinedSocketsOnBothTransports() {
        JsonNode result = NodeClient.run("rooms.mjs", server.port(), 6, 3);

        ArrayNode received = (ArrayNode) result.get("received");
        assertThat(received).hasSize(6);
        for (int i = 0; i < 6; i++) {
            JsonNode messages = received.get(i);
            assertThat(messages).as("client %d: %s", i, messages).hasSize(i < 3 ? 2 : 1);
            if (i < 3) {
                assertThat(messages.get(0).toString()).isEqualTo("{\"room\":\"stage\"}");
            }
            assertThat(messages.get(messages.size() - 1).asString()).startsWith("to ");
        }
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(events.roomSize("stage")).isZero();
        assertThat(events.rooms()).isEmpty();
    }

    @Test
    void anOversizedWebsocketMessageClosesTheConnection() {
        JsonNode result = NodeClient.run("oversize.mjs", server.port(), "websocket", 20 * 1024);

        assertThat(result.get("disconnected").asBoolean()).as(result.toString()).isTrue();
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(handledEvents).isEmpty();
        assertThat(disconnectReasons).containsExactly("transport error");
    }

    @Test
    void anOversizedPollingBodyClosesTheConnection() {
        JsonNode result = NodeClient.run("oversize.mjs", server.port(), "polling", 20 * 1024);

        assertThat(result.get("disconnected").asBoolean()).as(result.toString()).isTrue();
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(handledEvents).isEmpty();
        assertThat(disconnectReasons).containsExactly("transport error");
    }

    @Test
    void aMessageJustUnderTheLimitIsAccepted() {
        JsonNode result = NodeClient.run("oversize.mjs", server.port(), "websocket", 15 * 1024);

        assertThat(result.get("acked").asBoolean()).as(result.toString()).isTrue();
        assertThat(handledEvents).containsExactly("echo");
    }

    @Test
    void aThousandSocketsConnectJoinAndLeave() {
        JsonNode result = NodeClient.run("crowd.mjs", server.port(), 1000);

        assertThat(result.get("connected").asInt()).isEqualTo(1000);
        assertThat(result.get("size").asInt()).as(result.toString()).isEqualTo(1000);
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(events.roomSize("crowd")).isZero();
        assertThat(events.rooms()).doesNotContain("crowd");
        assertThat(disconnectReasons).hasSize(1000).containsOnly("client namespace disconnect");
        awaitTrue(() -> server.openSessions() == 0);
    }

    @Test
    void aSecondConcurrentPollClosesTheSession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=polling";
        String open = send(http, HttpRequest.newBuilder(URI.create(base))).body();
        String url = base + "&sid=" + open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf("\",\""));
        HttpResponse<String> connect = send(
                http,
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString("40/events,{\"token\":\"good\"}")));
        assertThat(connect.body()).isEqualTo("ok");
        assertThat(send(http, HttpRequest.newBuilder(URI.create(url))).body()).startsWith("40/events,{\"sid\":\"");

        // Heartbeats are 25 s apart here, so both polls are parked until the overlap is noticed.
        CompletableFuture<HttpResponse<String>> first =
                http.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second =
                http.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        List<HttpResponse<String>> answers = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
        assertThat(answers)
                .filteredOn(r -> r.statusCode() == 200)
                .first()
                .extracting(HttpResponse::body)
                .isEqualTo("1");
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(disconnectReasons).containsExactly("transport error");
        assertThat(send(http, HttpRequest.newBuilder(URI.create(url))).body()).contains("Session ID unknown");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void awaitTrue(BooleanSupplier condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    static Duration millis(long value) {
        return Duration.ofMillis(value);
    }
}

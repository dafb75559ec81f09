package com.engagementconductor.realtime.socketio;

import static com.engagementconductor.realtime.socketio.SocketIoServerIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.ResourceLeakDetector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Engine.IO details checked with plain HTTP and websocket clients, on a server with short heartbeats. */
class SocketIoProtocolIT {
    private static final String ALLOWED = "http://allowed.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SocketIoServer server;
    private static final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private static final Queue<String> reasons = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        NodeClient.requireInstalled();
        server = server(Duration.ofMillis(200), Duration.ofMillis(400));
        server.start();
    }

    /** A server whose sockets are recorded, with the given heartbeat. */
    private static SocketIoServer server(Duration pingInterval, Duration pingTimeout) {
        SocketIoServer server = new SocketIoServer(new SocketIoOptions(
                "127.0.0.1", 0, "/socket.io/", pingInterval, pingTimeout, 16_384, Set.of(ALLOWED), 2));
        Namespace events = server.namespace("/events");
        events.authenticator(handshake -> handshake.auth().has("token")
                ? AuthResult.accept(handshake.auth().get("token").asString())
                : AuthResult.reject("unauthorized", Map.of()));
        events.onConnect(socket -> {
            sockets.add(socket);
            socket.onDisconnect(reasons::add);
            socket.on("boom", (s, args, ack) -> {
                throw new IllegalStateException("a failing handler");
            });
            socket.on("echo", (s, args, ack) -> ack.send(args.get(0).toString()));
            socket.on("kick", (s, args, ack) -> s.disconnect());
        });
        return server;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        awaitTrue(() -> server.connectedSockets() == 0);
        sockets.clear();
        reasons.clear();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=polling";
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesOtherProtocolVersionsUnknownTransportsAndUnknownSessions() throws Exception {
        HttpResponse<String> v3 = get("http://127.0.0.1:" + server.port() + "/socket.io/?EIO=3&transport=polling");
        HttpResponse<String> transport =
                get("http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=carrier");
        HttpResponse<String> sid = get(base() + "&sid=nope");

        assertThat(v3.statusCode()).isEqualTo(400);
        assertThat(v3.body()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
        assertThat(transport.statusCode()).isEqualTo(400);
        assertThat(transport.body()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
        assertThat(sid.statusCode()).isEqualTo(400);
        assertThat(sid.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    }

    @Test
    void appliesTheOriginAllowList() throws Exception {
        HttpResponse<String> denied = get(base(), "Origin", "http://evil.example");
        HttpResponse<String> allowed = get(base(), "Origin", ALLOWED);
        HttpResponse<String> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create(base()))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .headers("Origin", ALLOWED, "Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).startsWith("0{\"sid\":\"").contains("\"upgrades\":[\"websocket\"]");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials"))
                .contains("true");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(ALLOWED);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("content-type");
    }

    @Test
    void closesAWebsocketClientThatStopsAnsweringPings() throws Exception {
        RawWebsocket ws = RawWebsocket.open(server.port());
        ws.send("40/events,{\"token\":\"t\"}");
        assertThat(ws.next()).startsWith("40/events,{\"sid\":\"");
        assertThat(ws.next()).isEqualTo("2");

        ws.awaitClosed();
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(reasons).containsExactly("ping timeout");
    }

    @Test
    void keepsAClientThatAnswersPings() throws Exception {
        RawWebsocket ws = RawWebsocket.open(server.port());
        ws.send("40/events,{\"token\":\"t\"}");
        assertThat(ws.next()).startsWith("40/events,");
        for (int i = 0; i < 4; i++) {
            assertThat(ws.next()).isEqualTo("2");
            ws.send("3");
        }
        assertThat(server.connectedSockets()).isEqualTo(1);
        ws.send("1");
        ws.awaitClosed();
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(reasons).containsExactly("transport close");
    }

    @Test
    void closesAPollingClientThatStopsAnsweringPings() {
        JsonNode result = NodeClient.run("silent.mjs", server.port(), "polling");

        assertThat(result.get("reason").asString()).as(result.toString()).isNotEmpty();
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(reasons).containsExactly("ping timeout");
    }

    @Test
    void aFailingHandlerDoesNotBreakTheConnection() throws Exception {
        RawWebsocket ws = RawWebsocket.open(server.port());
        ws.send("40/events,{\"token\":\"t\"}");
        assertThat(ws.next()).startsWith("40/events,");
        ws.send("42/events,[\"boom\"]");
        ws.send("42/events,[\"unknown event\",1]");
        ws.send("42/events,7[\"echo\",{\"a\":[1,2]}]");

        assertThat(ws.nextIgnoringPings()).isEqualTo("43/events,7[{\"a\":[1,2]}]");
        assertThat(sockets.peek().connected()).isTrue();
        ws.send("41/events,");
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(reasons).containsExactly("client namespace disconnect");
        ws.close();
    }

    @Test
    void serverSideDisconnectTellsTheClient() throws Exception {
        RawWebsocket ws = RawWebsocket.open(server.port());
        ws.send("40/events,{\"token\":\"t\"}");
        assertThat(ws.next()).startsWith("40/events,");
        ws.send("42/events,[\"kick\"]");

        assertThat(ws.nextIgnoringPings()).isEqualTo("41/events,");
        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(reasons).containsExactly("server namespace disconnect");
        Socket socket = sockets.peek();
        socket.emit("late", "1");
        java.util.List<String> late = new java.util.ArrayList<>();
        socket.onDisconnect(late::add);
        assertThat(late).containsExactly("server namespace disconnect");
        ws.close();
    }

    @Test
    void binaryAndMalformedPacketsCloseTheConnection() throws Exception {
        RawWebsocket binary = RawWebsocket.open(server.port());
        binary.send("40/events,{\"token\":\"t\"}");
        assertThat(binary.next()).startsWith("40/events,");
        binary.ws.sendBinary(ByteBuffer.wrap(new byte[] {4, 1, 2}), true);
        binary.awaitClosed();

        RawWebsocket malformed = RawWebsocket.open(server.port());
        malformed.send("40/events,{\"token\":\"t\"}");
        assertThat(malformed.next()).startsWith("40/events,");
        malformed.send("42/events,{not json");
        malformed.awaitClosed();

        awaitTrue(() -> server.connectedSockets() == 0);
        assertThat(reasons).containsExactlyInAnyOrder("transport error", "parse error");
    }

    @Test
    void refusesReservedEventNamesAndATakenPort() {
        SocketIoServer second = new SocketIoServer(SocketIoOptions.defaults(server.port()));
        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(Exception.class);
        second.close();
        assertThatThrownBy(() -> server.namespace("/events").broadcast("room", "disconnect", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWebsocketClientThatStopsReadingIsCutOffInsteadOfHoldingMemory() throws Exception {
        SocketIoServer patient = server(Duration.ofSeconds(30), Duration.ofSeconds(30));
        patient.start();
        try {
            RawWebsocket ws = RawWebsocket.open(patient.port());
            ws.send("40/events,{\"token\":\"t\"}");
            assertThat(ws.next()).startsWith("40/events,{\"sid\":\"");
            awaitTrue(() -> sockets.size() == 1);
            sockets.peek().join("slow");
            ws.paused = true;
            String chunk = "\"" + "x".repeat(16_000) + "\"";
            for (int i = 0; i < 2_000 && patient.connectedSockets() > 0; i++) {
                patient.namespace("/events").broadcast("slow", "flood", chunk); // 32 MB if nobody stopped it
            }

            awaitTrue(() -> patient.connectedSockets() == 0);
            assertThat(reasons).containsExactly("transport error");
            ws.close();
        } finally {
            patient.close();
        }
    }

    @Test
    void aPollingClientThatStopsPollingIsCutOffAfterTenThousandPackets() throws Exception {
        // a heartbeat long enough that only the full queue can end the session, however slow the machine
        SocketIoServer patient = server(Duration.ofSeconds(30), Duration.ofSeconds(30));
        patient.start();
        try {
            String base = "http://127.0.0.1:" + patient.port() + "/socket.io/?EIO=4&transport=polling";
            String open = get(base).body();
            String sid =
                    open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf('"', open.indexOf("\"sid\":\"") + 7));
            assertThat(post(base + "&sid=" + sid, "40/events,{\"token\":\"t\"}").statusCode())
                    .isEqualTo(200);
            awaitTrue(() -> sockets.size() == 1);
            sockets.peek().join("idle");
            for (int i = 0; i < EngineSession.MAX_QUEUED + 10; i++) {
                patient.namespace("/events").broadcast("idle", "tick", String.valueOf(i));
            }

            awaitTrue(() -> patient.connectedSockets() == 0);
            assertThat(reasons).containsExactly("transport error");
        } finally {
            patient.close();
        }
    }

    /** A bare websocket speaking Engine.IO by hand. */
    static final class RawWebsocket implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        volatile boolean paused;
        WebSocket ws;

        static RawWebsocket open(int port) throws Exception {
            RawWebsocket listener = new RawWebsocket();
            listener.ws = HTTP.newWebSocketBuilder()
                    .buildAsync(
                            URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"), listener)
                    .get(10, TimeUnit.SECONDS);
            String open = listener.next();
            assertThat(open).startsWith("0{\"sid\":\"").contains("\"upgrades\":[]");
            return listener;
        }

        void send(String text) throws Exception {
            ws.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        String next() throws InterruptedException {
            String message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }

        String nextIgnoringPings() throws Exception {
            while (true) {
                String message = next();
                if (!message.equals("2")) {
                    return message;
                }
                send("3");
            }
        }

        void awaitClosed() throws Exception {
            closed.get(10, TimeUnit.SECONDS);
        }

        void close() {
            ws.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}

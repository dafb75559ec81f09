package com.engagementconductor.bench;

import com.engagementconductor.realtime.socketio.Namespace;
import com.engagementconductor.realtime.socketio.SocketIoOptions;
import com.engagementconductor.realtime.socketio.SocketIoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Room broadcast throughput: N local websocket sockets in one room, M broadcasts; prints deliveries per second.
 * Arguments: sockets (default 500), broadcasts (default 2000).
 */
public final class BroadcastBenchmark {
    private BroadcastBenchmark() {}

    public static void main(String[] args) throws Exception {
        int sockets = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int broadcasts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (SocketIoServer server = new SocketIoServer(SocketIoOptions.defaults(0))) {
            Namespace events = server.namespace("/events");
            events.onConnect(socket -> socket.join("stage"));
            server.start();
            AtomicLong delivered = new AtomicLong();
            HttpClient http = HttpClient.newHttpClient();
            List<WebSocket> clients = new ArrayList<>();
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket");
            for (int i = 0; i < sockets; i++) {
                clients.add(http.newWebSocketBuilder()
                        .buildAsync(uri, new Counter(delivered))
                        .get(10, TimeUnit.SECONDS));
            }
            for (WebSocket client : clients) {
                client.sendText("40/events,{}", true);
            }
            while (events.roomSize("stage") < sockets) {
                Thread.sleep(10);
            }
            String payload = "{\"score\":0.73,\"category\":\"engaged\",\"session\":\"s-0001\"}";
            for (int round = 0; round < 2; round++) {
                delivered.set(0);
                long expected = (long) sockets * broadcasts;
                long start = System.nanoTime();
                for (int i = 0; i < broadcasts; i++) {
                    events.broadcast("stage", "score", payload);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (delivered.get() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (delivered.get() < expected) {
                    System.out.printf("only %d of %d deliveries arrived%n", delivered.get(), expected);
                    break;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "round %d: %d sockets x %d broadcasts = %d deliveries in %.2f s: %.0f deliveries/s%n",
                        round, sockets, broadcasts, expected, seconds, expected / seconds);
            }
            for (WebSocket client : clients) {
                client.abort();
            }
        }
    }

    private static final class Counter implements WebSocket.Listener {
        private final AtomicLong delivered;
        private final StringBuilder message = new StringBuilder();

        Counter(AtomicLong delivered) {
            this.delivered = delivered;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                if (message.length() > 3 && message.charAt(0) == '4' && message.charAt(1) == '2') {
                    delivered.incrementAndGet();
                } else if (message.length() == 1 && message.charAt(0) == '2') {
                    webSocket.sendText("3", true);
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}

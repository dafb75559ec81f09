package com.engagementconductor.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.fail;

import com.engagementconductor.shared.EventBus;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Redis bus against the real redis-server of {@code scripts/provision.sh} ({@code TEST_REDIS_URL}): the bus
 * contract, plus what only Redis can show (one server subscription per channel, reconnects, other publishers).
 * The server may be shared, so every channel is namespaced per run and connections are told apart by name.
 */
class RedisEventBusIT extends EventBusContract {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    private static String url;
    private static RedisClient adminClient;
    private static StatefulRedisConnection<String, String> adminConnection;
    private static RedisCommands<String, String> admin;

    private final int run = RUNS.incrementAndGet();
    private final String namespace = "it:" + PID + ":" + run + ":";
    private final String clientName = "conductor-bus-it-" + PID + "-" + run;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void connectAdmin() {
        url = System.getenv("TEST_REDIS_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("TEST_REDIS_URL");
        }
        if (url == null || url.isBlank()) {
            fail("TEST_REDIS_URL is not set: start redis-server with `bash scripts/provision.sh` and source"
                    + " target/test-services.env");
        }
        adminClient = RedisClient.create(url);
        adminConnection = adminClient.connect();
        admin = adminConnection.sync();
    }

    @AfterAll
    static void closeAdmin() {
        if (adminClient != null) {
            adminConnection.close();
            adminClient.shutdown();
        }
    }

    @Override
    protected EventBus newBus() {
        return newBus(url);
    }

    private RedisEventBus newBus(String redisUrl) {
        return new RedisEventBus(
                redisUrl, new RedisEventBus.Options(100_000, 100_000, Duration.ofMillis(200), clientName), meters);
    }

    @Override
    protected String topic(String name) {
        return namespace + name;
    }

    private RedisEventBus redisBus() {
        return (RedisEventBus) bus;
    }

    @Test
    void holdsOneServerSubscriptionPerChannelAndPatternWhateverTheLocalSubscribers() {
        String channel = topic("session:s1:events");
        String pattern = topic("session:*:events");
        List<EventBus.Subscription> subs = new ArrayList<>();
        AtomicInteger exact = new AtomicInteger();
        AtomicInteger matched = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            subs.add(bus.subscribe(channel, (t, p) -> exact.incrementAndGet()));
            subs.add(bus.subscribe(pattern, (t, p) -> matched.incrementAndGet()));
        }
        settle();
        assertThat(numsub(channel)).isEqualTo(1);
        // settle()'s own probe channel is unsubscribed asynchronously: wait for it to go, then exactly one each
        await().until(() -> "1".equals(subscriberClient().get("sub"))
                && "1".equals(subscriberClient().get("psub")));

        admin.publish(channel, "{}");
        await().until(() -> exact.get() == 100 && matched.get() == 100);

        subs.subList(0, 198).forEach(EventBus.Subscription::close);
        settle();
        assertThat(numsub(channel)).isEqualTo(1);
        // settle()'s own probe channel is unsubscribed asynchronously: wait for it to go, then exactly one each
        await().until(() -> "1".equals(subscriberClient().get("sub"))
                && "1".equals(subscriberClient().get("psub")));

        subs.forEach(EventBus.Subscription::close);
        await().until(() -> numsub(channel) == 0
                && "0".equals(subscriberClient().get("psub"))
                && "0".equals(subscriberClient().get("sub")));
        assertThat(redisBus().subscribedKeys()).isZero();
    }

    @Test
    void aThousandSubscribeAndCloseCyclesLeaveNoServerSubscription() {
        for (int i = 0; i < 1000; i++) {
            bus.subscribe(topic("cycle:" + i), (t, p) -> {}).close();
            if (i % 10 == 0) {
                bus.subscribe(topic("cycle:" + i + ":*"), (t, p) -> {}).close();
            }
        }
        settle();
        await().until(() -> admin.pubsubChannels(topic("cycle:*")).isEmpty()
                && "0".equals(subscriberClient().get("sub"))
                && "0".equals(subscriberClient().get("psub")));
        assertThat(redisBus().subscribedKeys()).isZero();
    }

    @Test
    void deliversWhatAnotherRedisClientPublishes() {
        List<String> got = new CopyOnWriteArrayList<>();
        bus.subscribe(topic("engagement:update"), (t, p) -> got.add(t + "=" + p));
        bus.subscribe(topic("session:*:events"), (t, p) -> got.add("*" + t + "=" + p));
        settle();
        admin.publish(topic("engagement:update"), "{\"score\":0.5}");
        admin.publish(topic("session:s9:events"), "{\"type\":\"agent.status\"}");
        await().until(() -> got.size() == 2);
        assertThat(got)
                .containsExactly(
                        topic("engagement:update") + "={\"score\":0.5}",
                        "*" + topic("session:s9:events") + "={\"type\":\"agent.status\"}");
    }

    @Test
    void subscriptionsComeBackAfterTheServerKillsTheConnections() {
        List<String> exact = new CopyOnWriteArrayList<>();
        List<String> matched = new CopyOnWriteArrayList<>();
        bus.subscribe(topic("kill:channel"), (t, p) -> exact.add(p));
        bus.subscribe(topic("kill:*:events"), (t, p) -> matched.add(p));
        settle();
        List<Long> before = clientIds();
        assertThat(before).hasSize(2);

        for (long id : before) {
            admin.clientKill(KillArgs.Builder.id(id));
        }
        await().until(() -> {
            List<Long> now = clientIds();
            return now.size() == 2 && now.stream().noneMatch(before::contains);
        });
        await().until(() -> redisBus().available());
        await().until(() -> numsub(topic("kill:channel")) == 1
                && "1".equals(subscriberClient().get("psub")));

        admin.publish(topic("kill:channel"), "after");
        admin.publish(topic("kill:s1:events"), "after");
        await().until(() -> exact.contains("after") && matched.contains("after"));
        // the publishing connection is back as well
        await().pollInterval(Duration.ofMillis(50)).until(() -> {
            bus.publish(topic("kill:channel"), "own");
            return exact.contains("own");
        });
    }

    @Test
    void subscriptionsChangedWhileDisconnectedTakeEffectOnReconnect() throws Exception {
        URI redis = URI.create(url);
        try (TcpProxy proxy = new TcpProxy(redis.getHost(), redis.getPort())) {
            String viaProxy = url.replace(redis.getHost() + ":" + redis.getPort(), "127.0.0.1:" + proxy.port());
            ((AutoCloseable) bus).close();
            bus = newBus(viaProxy);
            List<String> kept = new CopyOnWriteArrayList<>();
            List<String> added = new CopyOnWriteArrayList<>();
            List<String> dropped = new CopyOnWriteArrayList<>();
            bus.subscribe(topic("kept"), (t, p) -> kept.add(p));
            EventBus.Subscription gone = bus.subscribe(topic("gone"), (t, p) -> dropped.add(p));
            settle();
            assertThat(redisBus().available()).isTrue();

            proxy.stop();
            await().until(() -> !redisBus().available());
            long droppedBefore = redisBus().droppedCount();
            bus.publish(topic("kept"), "while-down");
            assertThat(redisBus().droppedCount()).isEqualTo(droppedBefore + 1);
            gone.close();
            bus.subscribe(topic("added"), (t, p) -> added.add(p));
            bus.subscribe(topic("added:*"), (t, p) -> added.add(t));

            proxy.start();
            await().until(() -> redisBus().available());
            await().until(() ->
                    numsub(topic("kept")) == 1 && numsub(topic("added")) == 1 && numsub(topic("gone")) == 0);
            await().pollInterval(Duration.ofMillis(50)).until(() -> {
                admin.publish(topic("added:1"), "x");
                return added.contains(topic("added:1"));
            });
            admin.publish(topic("gone"), "after");
            admin.publish(topic("added"), "after");
            admin.publish(topic("kept"), "after");
            await().until(() -> added.contains("after") && kept.contains("after"));
            assertThat(kept).containsExactly("after");
            assertThat(dropped).isEmpty();
        }
    }

    @Test
    void publishingWhileRedisIsUnreachableDropsAndCountsWithoutThrowing() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SimpleMeterRegistry unreachableMeters = new SimpleMeterRegistry();
        try (RedisEventBus unreachable = new RedisEventBus(
                "redis://127.0.0.1:" + closedPort,
                new RedisEventBus.Options(100, 100, Duration.ofMillis(200), clientName + "-unreachable"),
                unreachableMeters)) {
            assertThatCode(() -> {
                        EventBus.Subscription sub = unreachable.subscribe(topic("nowhere"), (t, p) -> {});
                        for (int i = 0; i < 500; i++) {
                            unreachable.publish(topic("nowhere"), "m" + i);
                        }
                        sub.close();
                        sub.close();
                    })
                    .doesNotThrowAnyException();
            assertThat(unreachable.available()).isFalse();
            assertThat(unreachable.droppedCount()).isEqualTo(500);
            assertThat(unreachableMeters
                            .get("conductor.bus.messages.dropped")
                            .tag("reason", "redis_unavailable")
                            .counter()
                            .count())
                    .isEqualTo(500.0);
        }
    }

    @Test
    void aFullDeliveryQueueDropsAndCountsInsteadOfBlockingLettuce() throws Exception {
        SimpleMeterRegistry smallMeters = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        List<String> got = new CopyOnWriteArrayList<>();
        try (RedisEventBus small = new RedisEventBus(
                url, new RedisEventBus.Options(1, 100, Duration.ofMillis(200), clientName + "-small"), smallMeters)) {
            small.subscribe(topic("slow"), (t, p) -> {
                got.add(p);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await().until(() -> numsub(topic("slow")) == 1);
            admin.publish(topic("slow"), "1");
            await().until(() -> got.size() == 1);
            admin.publish(topic("slow"), "2"); // queued
            admin.publish(topic("slow"), "3"); // queue full: dropped
            await().until(() -> small.droppedCount() == 1);
            release.countDown();
            admin.publish(topic("slow"), "4");
            await().until(() -> got.contains("4"));
            assertThat(got).containsExactly("1", "2", "4");
            assertThat(smallMeters
                            .get("conductor.bus.messages.dropped")
                            .tag("reason", "queue_full")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    private long numsub(String channel) {
        return admin.pubsubNumsub(channel).getOrDefault(channel, 0L);
    }

    private List<Map<String, String>> clients() {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : admin.clientList().split("\n")) {
            Map<String, String> fields = new HashMap<>();
            for (String field : line.trim().split(" ")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    fields.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            if (clientName.equals(fields.get("name"))) {
                out.add(fields);
            }
        }
        return out;
    }

    private List<Long> clientIds() {
        return clients().stream().map(c -> Long.parseLong(c.get("id"))).toList();
    }

    /** The bus's pub/sub connection: the one of its two connections that holds subscriptions or is in RESP3 push mode. */
    private Map<String, String> subscriberClient() {
        List<Map<String, String>> clients = clients();
        return clients.stream()
                .filter(c -> c.getOrDefault("flags", "").contains("P")
                        || !"0".equals(c.get("sub"))
                        || !"0".equals(c.get("psub")))
                .findFirst()
                .orElseGet(() -> clients.stream()
                        .filter(c -> !"publish".equals(c.get("cmd")))
                        .findFirst()
                        .orElse(Map.of()));
    }

    /** A TCP forwarder to Redis that can be stopped (dropping its connections) and started again on its port. */
    private static final class TcpProxy implements AutoCloseable {
        private final String host;
        private final int targetPort;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile ServerSocket server;
        private int port;

        TcpProxy(String host, int targetPort) throws IOException {
            this.host = host;
            this.targetPort = targetPort;
            start();
        }

        int port() {
            return port;
        }

        synchronized void start() throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            port = s.getLocalPort();
            server = s;
            Thread acceptor = new Thread(() -> accept(s), "it-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        synchronized void stop() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
            sockets.clear();
        }

        @Override
        public void close() throws IOException {
            stop();
        }

        private void accept(ServerSocket s) {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket upstream = new Socket(host, targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            Thread t = new Thread(
                    () -> {
                        byte[] buffer = new byte[8192];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            for (int n; (n = in.read(buffer)) >= 0; ) {
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the proxy was stopped or a side closed
                        } finally {
                            try {
                                from.close();
                                to.close();
                            } catch (IOException ignored) {
                                // already closed
                            }
                        }
                    },
                    "it-proxy-pump");
            t.setDaemon(true);
            t.start();
        }
    }
}

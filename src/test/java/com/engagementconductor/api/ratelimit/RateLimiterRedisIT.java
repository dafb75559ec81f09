package com.engagementconductor.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.support.MutableClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limiter against the real Redis behind a TCP relay that the test cuts and restores: buckets move to local
 * memory while Redis is cut off and back to Redis when it answers again (contracts §6).
 */
class RateLimiterRedisIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private URI redis;
    private Relay relay;

    @BeforeEach
    void start() throws IOException {
        String url = System.getenv("TEST_REDIS_URL");
        assertThat(url)
                .as("TEST_REDIS_URL (run the tests with `bash scripts/test.sh`)")
                .isNotBlank();
        redis = URI.create(url);
        relay = new Relay(new InetSocketAddress(redis.getHost(), redis.getPort()));
        relay.open(0);
    }

    @AfterEach
    void stop() {
        relay.cut();
    }

    private long pttl(String key) {
        RedisClient client = RedisClient.create(redis.toString());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pttl(key);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void bucketsMoveToLocalMemoryWhileRedisIsCutOffAndBackWhenItAnswers() throws IOException {
        String key = "user_rl_relay_" + run;
        try (RateLimiter limiter = RateLimiter.shared(
                RateLimitSettings.contract(), clock, new SimpleMeterRegistry(), "redis://127.0.0.1:" + relay.port())) {
            assertThat(limiter.consume(LimitClass.DEFAULT, key).remaining()).isEqualTo(59);
            assertThat(limiter.fallingBack()).isFalse();
            assertThat(pttl("conductor:ratelimit:default:" + key)).isBetween(1L, 120_000L);

            relay.cut();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> limiter.consume(LimitClass.DEFAULT, key).remaining() == 59 && limiter.fallingBack());
            for (int i = 0; i < 59; i++) {
                limiter.consume(LimitClass.DEFAULT, key);
            }
            assertThat(limiter.consume(LimitClass.DEFAULT, key).allowed())
                    .as("local buckets still limit")
                    .isFalse();

            relay.open(relay.port());
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        limiter.consume(LimitClass.DEFAULT, key);
                        return !limiter.fallingBack();
                    });
            assertThat(limiter.consume(LimitClass.DEFAULT, key).remaining())
                    .as("the shared bucket, which kept its tokens")
                    .isLessThan(58)
                    .isGreaterThan(0);
        }
    }

    /** A TCP relay to Redis on a fixed port that can be cut (every connection closed) and opened again. */
    private static final class Relay {
        private final InetSocketAddress target;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile ServerSocket server;

        Relay(InetSocketAddress target) {
            this.target = target;
        }

        int port() {
            return server.getLocalPort();
        }

        void open(int port) throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            server = s;
            Thread accept = new Thread(() -> accept(s), "relay-accept");
            accept.setDaemon(true);
            accept.start();
        }

        void cut() {
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            sockets.clear();
        }

        private void accept(ServerSocket s) {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket upstream = new Socket(target.getHostString(), target.getPort());
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
                            int n;
                            while ((n = in.read(buffer)) >= 0) {
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        } catch (IOException ignored) {
                            // the relay was cut
                        } finally {
                            try {
                                from.close();
                                to.close();
                            } catch (IOException ignored) {
                                // already closed
                            }
                        }
                    },
                    "relay-pump");
            t.setDaemon(true);
            t.start();
        }
    }
}

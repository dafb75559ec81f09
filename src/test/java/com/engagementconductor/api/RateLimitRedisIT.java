package com.engagementconductor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.ConductorApplication;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rate limiting in Redis mode (contracts §6, §8.5) with the contract's numbers: two nodes share one bucket per
 * key under {@code conductor:ratelimit:{class}:{key}}, which expires 2 minutes after its last write; a node whose
 * Redis cannot be reached still answers and still limits, with local buckets.
 */
class RateLimitRedisIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static String redisUrl;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        redisUrl = System.getenv("TEST_REDIS_URL");
        assertThat(redisUrl)
                .as("TEST_REDIS_URL (run the tests with `bash scripts/test.sh`)")
                .isNotBlank();
        nodeA = start("a", redisUrl);
        nodeB = start("b", redisUrl);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(String name, String redis) {
        return new SpringApplicationBuilder(ConductorApplication.class, ConductorTestConfiguration.class)
                .run( // arguments, so that they win over application.yml and the test configuration
                        "--server.port=0",
                        "--conductor.redis.url=" + redis,
                        "--conductor.security.jwt-secret=" + TestTokens.SECRET,
                        "--conductor.scoring.auto-start=false",
                        "--conductor.api.rate-limit.default.capacity=60",
                        "--conductor.api.rate-limit.interventions.capacity=3",
                        "--spring.datasource.url=jdbc:h2:mem:rate_limit_" + name + "_" + RUN
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    private static HttpResponse<String> list(ConfigurableApplicationContext node, String token) throws Exception {
        String port = node.getEnvironment().getRequiredProperty("local.server.port");
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agent/sessions"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String reader(ConfigurableApplicationContext node, String sub) {
        return new TestTokens(node.getBean(MutableClock.class)).sign(sub, "org_test", List.of("dashboard:read:live"));
    }

    @Test
    void twoNodesShareOneBucketKeptInRedisForTwoMinutesAfterTheLastWrite() throws Exception {
        String sub = "user_rl_shared_" + RUN;
        String token = reader(nodeA, sub);
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> response = list(i % 2 == 0 ? nodeA : nodeB, token);
            assertThat(response.statusCode()).as("request %d", i + 1).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Remaining")).contains(String.valueOf(59 - i));
        }

        HttpResponse<String> refusedByA = list(nodeA, token);
        HttpResponse<String> refusedByB = list(nodeB, token);

        assertThat(refusedByA.statusCode()).isEqualTo(429);
        assertThat(refusedByB.statusCode()).isEqualTo(429);
        assertThat(refusedByB.headers().firstValue("Retry-After")).contains("1");
        assertThat(refusedByB.body()).contains("\"code\":\"rate_limited\"", "\"retryAfter\":1");
        assertThat(list(nodeB, reader(nodeB, "user_rl_other_" + RUN)).statusCode())
                .isEqualTo(200);
        assertThat(nodeB.getBean(MeterRegistry.class)
                        .counter("conductor.rate.limited", "class", "default")
                        .count())
                .isGreaterThanOrEqualTo(1.0);

        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            String key = "conductor:ratelimit:default:" + sub;
            assertThat(redis.sync().exists(key)).isEqualTo(1L);
            long ttl = redis.sync().pttl(key);
            assertThat(ttl).isPositive().isLessThanOrEqualTo(120_000L);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aNodeWhoseRedisIsUnreachableStillAnswersAndLimitsLocally() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext lonely = start("lonely", "redis://127.0.0.1:" + closedPort)) {
            String token = reader(lonely, "user_rl_lonely_" + RUN);
            for (int i = 0; i < 60; i++) {
                assertThat(list(lonely, token).statusCode())
                        .as("request %d", i + 1)
                        .isEqualTo(200);
            }
            HttpResponse<String> refused = list(lonely, token);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(refused.headers().firstValue("RateLimit-Limit")).contains("60");
        }
    }
}

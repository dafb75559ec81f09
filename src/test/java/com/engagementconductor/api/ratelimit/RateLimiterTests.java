package com.engagementconductor.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The buckets of contracts §6 on a hand-moved clock: bursts, greedy refill, the header numbers, the counter. */
class RateLimiterTests {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimiter limiter = RateLimiter.local(RateLimitSettings.contract(), clock, meters);

    private List<Verdict> burst(LimitClass limitClass, String key, int n) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            verdicts.add(limiter.consume(limitClass, key));
        }
        return verdicts;
    }

    private double rejected(String limitClass) {
        return meters.counter("conductor.rate.limited", "class", limitClass).count();
    }

    @Test
    void sixtyBackToBackPassAndTheSixtyFirstWaitsOneSecond() {
        List<Verdict> verdicts = burst(LimitClass.DEFAULT, "user_burst", 61);
        assertThat(verdicts.subList(0, 60)).allMatch(Verdict::allowed);
        assertThat(verdicts.get(0)).isEqualTo(new Verdict(true, 60, 59, 1, 0));
        assertThat(verdicts.get(59)).isEqualTo(new Verdict(true, 60, 0, 60, 0));
        assertThat(verdicts.get(60)).isEqualTo(new Verdict(false, 60, 0, 60, 1));
        assertThat(rejected("default")).isEqualTo(1.0);
    }

    @Test
    void theFourthBackToBackInterventionWaitsSixSeconds() {
        List<Verdict> verdicts = burst(LimitClass.INTERVENTIONS, "user_iv", 4);
        assertThat(verdicts.subList(0, 3)).allMatch(Verdict::allowed);
        assertThat(verdicts.get(2)).isEqualTo(new Verdict(true, 3, 0, 18, 0));
        assertThat(verdicts.get(3)).isEqualTo(new Verdict(false, 3, 0, 18, 6));
        assertThat(rejected("interventions")).isEqualTo(1.0);
        assertThat(rejected("default")).isZero();
    }

    @Test
    void refillIsGreedyOneTokenPerSecondForDefault() {
        burst(LimitClass.DEFAULT, "user_refill", 60);
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.consume(LimitClass.DEFAULT, "user_refill").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.consume(LimitClass.DEFAULT, "user_refill")).isEqualTo(new Verdict(true, 60, 0, 60, 0));
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.consume(LimitClass.DEFAULT, "user_refill")).isEqualTo(new Verdict(true, 60, 29, 31, 0));
        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.consume(LimitClass.DEFAULT, "user_refill"))
                .as("never more than the capacity")
                .isEqualTo(new Verdict(true, 60, 59, 1, 0));
    }

    @Test
    void interventionsRefillOneTokenEverySixSeconds() {
        burst(LimitClass.INTERVENTIONS, "user_iv_refill", 4);
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.consume(LimitClass.INTERVENTIONS, "user_iv_refill"))
                .isEqualTo(new Verdict(false, 3, 0, 13, 1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.consume(LimitClass.INTERVENTIONS, "user_iv_refill").allowed())
                .isTrue();
    }

    @Test
    void keysAndClassesHaveTheirOwnBuckets() {
        burst(LimitClass.DEFAULT, "user_a", 61);
        assertThat(limiter.consume(LimitClass.DEFAULT, "user_b").allowed()).isTrue();
        assertThat(limiter.consume(LimitClass.INTERVENTIONS, "user_a").allowed())
                .isTrue();
    }

    @Test
    void configuredNumbersReplaceTheContractsForSuitesWithManyRequests() {
        RateLimitSettings relaxed = new RateLimitSettings(
                new RateLimitSettings.Limit(1000, 1000, Duration.ofSeconds(1)),
                null,
                Duration.ofMillis(200),
                Duration.ofSeconds(5));
        RateLimiter lenient = RateLimiter.local(relaxed, clock, meters);
        assertThat(lenient.consume(LimitClass.DEFAULT, "user_x")).isEqualTo(new Verdict(true, 1000, 999, 1, 0));
        assertThat(lenient.consume(LimitClass.INTERVENTIONS, "user_x"))
                .as("an unset class keeps the contract's bucket")
                .isEqualTo(new Verdict(true, 3, 2, 6, 0));
    }

    @Test
    void settingsBindFromTheDocumentedPropertiesWithDefaultAsAClassName() {
        Map<String, String> properties = Map.of(
                "conductor.api.rate-limit.default.capacity", "100",
                "conductor.api.rate-limit.default.refill", "30",
                "conductor.api.rate-limit.default.period", "30s",
                "conductor.api.rate-limit.redis-timeout", "50ms");
        RateLimitSettings settings = new Binder(new MapConfigurationPropertySource(properties))
                .bind("conductor.api.rate-limit", RateLimitSettings.class)
                .get();
        assertThat(settings.limit(LimitClass.DEFAULT))
                .isEqualTo(new RateLimitSettings.Limit(100, 30, Duration.ofSeconds(30)));
        assertThat(settings.limit(LimitClass.INTERVENTIONS))
                .isEqualTo(RateLimitSettings.contract().limit(LimitClass.INTERVENTIONS));
        assertThat(settings.redisTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.redisRetry()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableRedisFallsBackToLocalBucketsThatStillLimit() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RateLimiter shared =
                RateLimiter.shared(RateLimitSettings.contract(), clock, meters, "redis://127.0.0.1:" + closedPort)) {
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < 61; i++) {
                verdicts.add(shared.consume(LimitClass.DEFAULT, "user_fallback"));
            }
            assertThat(verdicts.subList(0, 60)).allMatch(Verdict::allowed);
            assertThat(verdicts.get(60)).isEqualTo(new Verdict(false, 60, 0, 60, 1));
            assertThat(shared.fallingBack()).isTrue();
        }
    }

    @Test
    void idleLocalBucketsAreDroppedAfterTwoMinutes() {
        LocalBuckets buckets = new LocalBuckets(Buckets.timeMeter(clock));
        var configuration = Buckets.configuration(RateLimitSettings.contract().limit(LimitClass.DEFAULT));
        buckets.consume("default:old", configuration);
        clock.advance(Duration.ofSeconds(61));
        buckets.consume("default:recent", configuration);
        assertThat(buckets.size()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(60));
        buckets.consume("default:recent", configuration);
        assertThat(buckets.size()).as("old idle 121 s, recent just used").isEqualTo(1);
    }

    @Test
    void requestPathsMapToTheContractsClasses() {
        assertThat(LimitClass.of("POST", "/api/v1/interventions/manual")).contains(LimitClass.INTERVENTIONS);
        assertThat(LimitClass.of("POST", "/api/v1/agent/sessions/sess_1/decisions/4f1c/approve"))
                .contains(LimitClass.INTERVENTIONS);
        assertThat(LimitClass.of("POST", "/api/v1/agent/sessions/sess_1/decisions/4f1c/reject"))
                .contains(LimitClass.DEFAULT);
        assertThat(LimitClass.of("GET", "/api/v1/interventions/manual")).contains(LimitClass.DEFAULT);
        assertThat(LimitClass.of("GET", "/api/v1/agent/sessions")).contains(LimitClass.DEFAULT);
        assertThat(LimitClass.of("OPTIONS", "/api/v1/interventions/manual")).isEmpty();
        assertThat(LimitClass.of("GET", "/health")).isEmpty();
        assertThat(LimitClass.of("GET", "/actuator/prometheus")).isEmpty();
        assertThat(LimitClass.of("GET", "/dashboard/index.html")).isEmpty();
    }
}

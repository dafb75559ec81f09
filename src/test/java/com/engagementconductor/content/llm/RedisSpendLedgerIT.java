package com.engagementconductor.content.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deployment-wide spend in the real Redis of {@code scripts/provision.sh} ({@code TEST_REDIS_URL}): two nodes add to
 * the same hour and day keys with INCRBYFLOAT, the keys expire, and each node still knows its own spend (R6.6).
 */
class RedisSpendLedgerIT {

    static String url() {
        String url = System.getenv("TEST_REDIS_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("TEST_REDIS_URL");
        }
        if (url == null || url.isBlank()) {
            fail("TEST_REDIS_URL is not set: source target/test-services.env");
        }
        return url;
    }

    @Test
    void twoNodesShareTheHourAndDaySpendInRedisKeysThatExpire() {
        String prefix = "conductor:test:" + UUID.randomUUID() + ":llm:spend:";
        Instant at = Instant.parse("2026-03-01T10:15:00Z");
        try (RedisSpendLedger a = new RedisSpendLedger(url(), prefix);
                RedisSpendLedger b = new RedisSpendLedger(url(), prefix);
                RedisClient admin = RedisClient.create(url());
                StatefulRedisConnection<String, String> c = admin.connect()) {
            a.add(at, new BigDecimal("0.0105"));
            b.add(at, new BigDecimal("0.0035"));

            assertThat(a.spent(at).hour()).isEqualByComparingTo("0.014");
            assertThat(b.spent(at).day()).isEqualByComparingTo("0.014");
            assertThat(a.spent(at.plusSeconds(3600)).hour()).isEqualByComparingTo("0");
            assertThat(a.spent(at.plusSeconds(3600)).day()).isEqualByComparingTo("0.014");
            String hourKey = prefix + "hour:2026030110";
            String dayKey = prefix + "day:20260301";
            assertThat(c.sync().get(hourKey)).isEqualTo("0.014");
            assertThat(c.sync().ttl(hourKey)).isBetween(1L, 7200L);
            assertThat(c.sync().ttl(dayKey)).isBetween(7200L, 2 * 86400L);
            c.sync().del(hourKey, dayKey);
        }
    }
}

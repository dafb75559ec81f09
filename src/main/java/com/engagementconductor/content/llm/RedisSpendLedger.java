package com.engagementconductor.content.llm;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deployment-wide spend in Redis (contracts §8.5): {@code conductor:llm:spend:hour:{yyyyMMddHH}} and
 * {@code conductor:llm:spend:day:{yyyyMMdd}}, added with INCRBYFLOAT and expiring after their period. This node's own
 * numbers are kept as well; while Redis fails they are used instead, and a log line says so.
 */
final class RedisSpendLedger implements SpendLedger, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisSpendLedger.class);
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final long HOUR_TTL_SECONDS = 2 * 3600;
    private static final long DAY_TTL_SECONDS = 2 * 86400;

    private final RedisClient client;
    private final MemorySpendLedger local = new MemorySpendLedger();
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final String prefix;
    private volatile @Nullable StatefulRedisConnection<String, String> connection;

    RedisSpendLedger(String redisUrl) {
        this(redisUrl, "conductor:llm:spend:");
    }

    /** With another key prefix, so tests sharing a Redis do not meet. */
    RedisSpendLedger(String redisUrl, String prefix) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(TIMEOUT);
        this.prefix = prefix;
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
    }

    static String hourKey(String prefix, Instant at) {
        return prefix + "hour:" + MemorySpendLedger.HOUR.format(at);
    }

    static String dayKey(String prefix, Instant at) {
        return prefix + "day:" + MemorySpendLedger.DAY.format(at);
    }

    @Override
    public Spend spent(Instant at) {
        try {
            List<io.lettuce.core.KeyValue<String, String>> values =
                    commands().mget(hourKey(prefix, at), dayKey(prefix, at));
            recovered();
            return new Spend(amount(values.get(0)), amount(values.get(1)));
        } catch (RuntimeException e) {
            failed(e);
            return local.spent(at);
        }
    }

    @Override
    public void add(Instant at, BigDecimal usd) {
        local.add(at, usd);
        try {
            RedisCommands<String, String> redis = commands();
            String hour = hourKey(prefix, at);
            String day = dayKey(prefix, at);
            redis.incrbyfloat(hour, usd.doubleValue());
            redis.expire(hour, HOUR_TTL_SECONDS);
            redis.incrbyfloat(day, usd.doubleValue());
            redis.expire(day, DAY_TTL_SECONDS);
            recovered();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private RedisCommands<String, String> commands() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null || !c.isOpen()) {
            synchronized (this) {
                c = connection;
                if (c == null || !c.isOpen()) {
                    c = client.connect(StringCodec.UTF8);
                    connection = c;
                }
            }
        }
        return c.sync();
    }

    private static BigDecimal amount(io.lettuce.core.KeyValue<String, String> value) {
        return value.hasValue() ? new BigDecimal(value.getValue()) : BigDecimal.ZERO;
    }

    private void failed(RuntimeException e) {
        if (degraded.compareAndSet(false, true)) {
            log.warn(
                    "LLM spend: Redis unavailable ({}); budgets use this node's own spend until it answers again",
                    e.getClass().getSimpleName());
        }
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            log.info("LLM spend: Redis answers again; budgets use the deployment's spend");
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}

package com.engagementconductor.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Buckets shared by all nodes in Redis (contracts §8.5): key {@code conductor:ratelimit:{class}:{key}}, state
 * written by Bucket4j's compare-and-swap, expiring {@link #EXPIRY} after the last write.
 *
 * <p>One connection of its own. The first attempt is awaited at start (at most the connect timeout); until a
 * connection is up, and whenever Lettuce has lost it,
 * {@link #consume} fails at once (commands are rejected, not queued), and a hung Redis fails within the command
 * timeout, so the caller can answer from local buckets without waiting. Lettuce reconnects by itself once
 * connected; a first connection that fails is tried again by the next call after {@code retry}.
 */
final class RedisBuckets implements AutoCloseable {
    static final Duration EXPIRY = Duration.ofMinutes(2);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** Redis cannot be asked now; the message says why. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final RedisURI uri;
    private final Duration timeout;
    private final long retryNanos;
    private final TimeMeter clock;
    private final ClientResources resources;
    private final RedisClient client;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long nextAttempt = System.nanoTime();
    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
    private volatile @Nullable ProxyManager<String> proxies;
    private volatile boolean closed;
    private volatile String lastFailure = "not connected yet";

    RedisBuckets(String redisUrl, Duration timeout, Duration retry, TimeMeter clock) {
        this.uri = RedisURI.create(redisUrl);
        this.uri.setClientName("engagement-conductor-ratelimit");
        this.uri.setTimeout(timeout);
        this.timeout = timeout;
        this.retryNanos = retry.toNanos();
        this.clock = clock;
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .build();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        awaitQuietly(connectInBackground());
    }

    /** Takes one token from the shared bucket {@code key}; throws when Redis cannot answer within the timeout. */
    ConsumptionProbe consume(String key, BucketConfiguration configuration) {
        ProxyManager<String> manager = proxies;
        StatefulRedisConnection<String, byte[]> open = connection;
        if (manager == null || open == null) {
            connectInBackground();
            throw new Unavailable(lastFailure);
        }
        if (!open.isOpen()) {
            throw new Unavailable("connection lost; reconnecting");
        }
        return manager.getProxy(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    /** Starts a connection attempt unless one runs or the last failed less than {@code retry} ago. */
    private CompletableFuture<?> connectInBackground() {
        if (closed || System.nanoTime() - nextAttempt < 0 || !connecting.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                .whenComplete((opened, error) -> {
                    if (error == null && !closed) {
                        connection = opened;
                        proxies = Bucket4jLettuce.casBasedBuilder(opened)
                                .expirationAfterWrite(ExpirationAfterWriteStrategy.fixedTimeToLive(EXPIRY))
                                .clientClock(clock)
                                .requestTimeout(timeout)
                                .build();
                    } else if (opened != null) {
                        opened.closeAsync();
                    } else if (error != null) {
                        lastFailure = "cannot connect: " + error.getMessage();
                    }
                    nextAttempt = System.nanoTime() + retryNanos;
                    connecting.set(false);
                })
                .toCompletableFuture();
    }

    /** At start, the first attempt is awaited (at most the connect timeout), so a reachable Redis is used at once. */
    private static void awaitQuietly(CompletableFuture<?> attempt) {
        try {
            attempt.get(CONNECT_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // unreachable now: requests use local buckets, and the next attempt follows after the retry delay
        }
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}

package com.engagementconductor.shared.bus;

import com.engagementconductor.shared.EventBus;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus on Redis pub/sub (contracts §8), used when {@code REDIS_URL} is set. At most once, like Redis
 * pub/sub itself: a message published while Redis is unreachable, beyond the in-flight bound, or arriving
 * while the delivery queue is full is dropped and counted ({@code conductor.bus.messages.dropped}), never
 * waited for.
 *
 * <ul>
 *   <li>Publishing: one connection, asynchronous {@code PUBLISH}, at most {@code maxInFlight} commands
 *       unanswered. A message published here reaches this node's subscribers through Redis, like any other,
 *       so every node sees the same stream.
 *   <li>Subscribing: one pub/sub connection per node. Local subscribers are reference-counted: the first
 *       subscriber of a channel sends {@code SUBSCRIBE} (a topic with {@code *}: {@code PSUBSCRIBE}), the
 *       last {@code close()} sends {@code UNSUBSCRIBE}. Commands issued while disconnected are buffered and
 *       sent, in order, after Lettuce has re-subscribed what the connection held.
 *   <li>Delivery: Lettuce's I/O thread only enqueues; handlers run on one thread ({@code conductor-bus}), in
 *       the order Redis delivered, so publication order per channel is kept. A throwing handler is logged.
 * </ul>
 *
 * If Redis is unreachable at start the bus keeps trying to connect in the background; {@link #available()}
 * says whether both connections are up.
 */
public final class RedisEventBus implements EventBus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    /** Bounds and names of a bus; {@link #defaults()} are the production values. */
    public record Options(int deliveryCapacity, int maxInFlight, Duration maxReconnectDelay, String clientName) {
        public static Options defaults() {
            return new Options(200_000, 50_000, Duration.ofSeconds(5), "engagement-conductor-bus");
        }

        public Options withClientName(String name) {
            return new Options(deliveryCapacity, maxInFlight, maxReconnectDelay, name);
        }
    }

    private record Message(boolean pattern, String key, String channel, String payload) {}

    /** One local subscriber; identity, not the handler, tells two subscriptions of one handler apart. */
    private static final class Handler {
        final BiConsumer<String, String> consumer;

        Handler(BiConsumer<String, String> consumer) {
            this.consumer = consumer;
        }
    }

    private final Map<String, List<Handler>> channels = new ConcurrentHashMap<>();
    private final Map<String, List<Handler>> patterns = new ConcurrentHashMap<>();
    /** Guards the reference counts and the order of SUBSCRIBE/UNSUBSCRIBE commands on the wire. */
    private final Object lock = new Object();

    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient publishClient;
    private final RedisClient subscribeClient;
    private final Semaphore inFlight;
    private final long maxConnectDelayMillis;
    private final BlockingQueue<Message> queue;
    private final Thread delivery;
    private final AtomicLong droppedTotal = new AtomicLong();
    private final Counter droppedUnavailable;
    private final Counter droppedBacklog;
    private final Counter droppedQueueFull;

    private volatile @Nullable StatefulRedisConnection<String, String> publisher;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean running = true;
    private final AtomicBoolean closed = new AtomicBoolean();

    public RedisEventBus(String redisUrl, Options options, @Nullable MeterRegistry meters) {
        this.uri = RedisURI.create(redisUrl);
        this.uri.setClientName(options.clientName());
        this.uri.setTimeout(COMMAND_TIMEOUT);
        this.inFlight = new Semaphore(options.maxInFlight());
        this.maxConnectDelayMillis = options.maxReconnectDelay().toMillis();
        this.queue = new ArrayBlockingQueue<>(options.deliveryCapacity());
        this.droppedUnavailable = counter(meters, "redis_unavailable");
        this.droppedBacklog = counter(meters, "publish_backlog");
        this.droppedQueueFull = counter(meters, "queue_full");
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(50), options.maxReconnectDelay(), 2, TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket =
                SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build();
        // Publishing fails fast while disconnected (the message is dropped), is not replayed after a reconnect
        // and is answered within the command timeout; subscription commands are buffered while disconnected,
        // sent after the reconnect, and never time out.
        this.publishClient = RedisClient.create(resources);
        this.publishClient.setOptions(ClientOptions.builder()
                .socketOptions(socket)
                .disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
                .replayFilter(command -> true) // at most once: never re-send a PUBLISH after a reconnect
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        this.subscribeClient = RedisClient.create(resources);
        this.subscribeClient.setOptions(ClientOptions.builder()
                .socketOptions(socket)
                .disconnectedBehavior(DisconnectedBehavior.ACCEPT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                .build());
        this.delivery = new Thread(this::deliverLoop, "conductor-bus");
        this.delivery.setDaemon(true);
        this.delivery.start();
        connect("publish", () -> publishClient.connectAsync(StringCodec.UTF8, uri), this::publisherConnected, 0);
        connect(
                "subscribe",
                () -> subscribeClient.connectPubSubAsync(StringCodec.UTF8, uri),
                this::subscriberConnected,
                0);
    }

    @Override
    public void publish(String topic, String payload) {
        StatefulRedisConnection<String, String> connection = publisher;
        if (connection == null || !connection.isOpen()) {
            drop(droppedUnavailable);
            return;
        }
        if (!inFlight.tryAcquire()) {
            drop(droppedBacklog);
            return;
        }
        try {
            connection.async().publish(topic, payload).whenComplete((receivers, error) -> {
                inFlight.release();
                if (error != null) {
                    drop(droppedUnavailable);
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            drop(droppedUnavailable);
        }
    }

    @Override
    public Subscription subscribe(String topicOrPattern, BiConsumer<String, String> handler) {
        boolean pattern = topicOrPattern.contains("*");
        String key = pattern ? redisGlob(topicOrPattern) : topicOrPattern;
        Map<String, List<Handler>> handlers = pattern ? patterns : channels;
        Handler h = new Handler(handler);
        synchronized (lock) {
            List<Handler> list = handlers.get(key);
            if (list == null) {
                list = new CopyOnWriteArrayList<>();
                list.add(h);
                handlers.put(key, list);
                send(pattern, key, true);
            } else {
                list.add(h);
            }
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                unsubscribe(pattern, key, h);
            }
        };
    }

    /** Whether both connections to Redis are up (for readiness). */
    public boolean available() {
        StatefulRedisConnection<String, String> p = publisher;
        StatefulRedisPubSubConnection<String, String> s = subscriber;
        return p != null && p.isOpen() && s != null && s.isOpen();
    }

    /** Messages dropped so far, for every reason (also counted in {@code conductor.bus.messages.dropped}). */
    public long droppedCount() {
        return droppedTotal.get();
    }

    /** Local channels and patterns with at least one subscriber (each holds one Redis subscription). */
    public int subscribedKeys() {
        return channels.size() + patterns.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        delivery.interrupt();
        // shutting the clients down closes their connections
        publishClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        subscribeClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        try {
            resources.shutdown(0, 2, TimeUnit.SECONDS).await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void unsubscribe(boolean pattern, String key, Handler h) {
        Map<String, List<Handler>> handlers = pattern ? patterns : channels;
        synchronized (lock) {
            List<Handler> list = handlers.get(key);
            if (list == null || !list.remove(h)) {
                return;
            }
            if (list.isEmpty()) {
                handlers.remove(key);
                send(pattern, key, false);
            }
        }
    }

    /** Sends one (P)SUBSCRIBE or (P)UNSUBSCRIBE; called under {@link #lock} so the wire order is the map's. */
    private void send(boolean pattern, String key, boolean subscribe) {
        StatefulRedisPubSubConnection<String, String> connection = subscriber;
        if (connection == null) {
            return; // not connected yet: subscriberConnected sends what is held then
        }
        var commands = connection.async();
        var future = pattern
                ? (subscribe ? commands.psubscribe(key) : commands.punsubscribe(key))
                : (subscribe ? commands.subscribe(key) : commands.unsubscribe(key));
        future.exceptionally(error -> {
            log.warn("{} {} failed: {}", subscribe ? "subscribing to" : "unsubscribing from", key, error.toString());
            return null;
        });
    }

    private void publisherConnected(StatefulRedisConnection<String, String> connection) {
        publisher = connection;
    }

    private void subscriberConnected(StatefulRedisPubSubConnection<String, String> connection) {
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                enqueue(new Message(false, channel, channel, message));
            }

            @Override
            public void message(String pattern, String channel, String message) {
                enqueue(new Message(true, pattern, channel, message));
            }
        });
        synchronized (lock) {
            subscriber = connection;
            if (!channels.isEmpty()) {
                connection.async().subscribe(channels.keySet().toArray(String[]::new));
            }
            if (!patterns.isEmpty()) {
                connection.async().psubscribe(patterns.keySet().toArray(String[]::new));
            }
        }
    }

    /**
     * Connects in the background, retrying with a growing delay until it succeeds or the bus closes. Once a
     * connection exists, Lettuce reconnects it by itself.
     */
    private <C extends StatefulConnection<String, String>> void connect(
            String name, Supplier<CompletionStage<C>> connector, Consumer<C> onConnected, int attempt) {
        if (!running) {
            return;
        }
        CompletionStage<C> stage;
        try {
            stage = connector.get();
        } catch (RuntimeException e) {
            retry(name, connector, onConnected, attempt, e);
            return;
        }
        stage.whenComplete((connection, error) -> {
            if (error != null) {
                retry(name, connector, onConnected, attempt, error);
            } else if (!running) {
                connection.closeAsync();
            } else {
                if (attempt > 0) {
                    log.info("Redis {} connection established after {} attempts", name, attempt + 1);
                }
                onConnected.accept(connection);
            }
        });
    }

    private <C extends StatefulConnection<String, String>> void retry(
            String name, Supplier<CompletionStage<C>> connector, Consumer<C> onConnected, int attempt, Throwable e) {
        if (!running) {
            return;
        }
        if (attempt == 0) {
            log.warn("Redis unreachable for the bus's {} connection, retrying: {}", name, e.toString());
        }
        long delayMillis = Math.min(50L << Math.min(attempt, 10), maxConnectDelayMillis);
        try {
            resources
                    .eventExecutorGroup()
                    .schedule(
                            () -> connect(name, connector, onConnected, attempt + 1),
                            delayMillis,
                            TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            // resources shut down: the bus is closing
        }
    }

    private void enqueue(Message m) {
        if (!queue.offer(m)) {
            drop(droppedQueueFull);
        }
    }

    private void deliverLoop() {
        while (running) {
            Message m;
            try {
                m = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            List<Handler> handlers = (m.pattern() ? patterns : channels).get(m.key());
            if (handlers == null) {
                continue;
            }
            for (Handler h : handlers) {
                try {
                    h.consumer.accept(m.channel(), m.payload());
                } catch (RuntimeException e) {
                    log.warn("subscriber of {} failed: {}", m.channel(), e.toString());
                }
            }
        }
    }

    private void drop(@Nullable Counter counter) {
        droppedTotal.incrementAndGet();
        if (counter != null) {
            counter.increment();
        }
    }

    private static @Nullable Counter counter(@Nullable MeterRegistry meters, String reason) {
        return meters == null
                ? null
                : Counter.builder("conductor.bus.messages.dropped")
                        .tag("reason", reason)
                        .register(meters);
    }

    /** Our pattern syntax has only {@code *}; Redis's other glob characters are escaped to match literally. */
    static String redisGlob(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 4);
        for (char c : pattern.toCharArray()) {
            if (c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

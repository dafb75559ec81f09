package com.engagementconductor.shared.bus;

import com.engagementconductor.shared.EventBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded topology's bus: topics inside this JVM. Like Redis pub/sub, delivery is asynchronous (one
 * delivery thread, publication order kept) and at most once: when the bounded queue is full the message is
 * dropped and counted, so a publisher never waits.
 */
public final class InProcessEventBus implements EventBus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private record Message(String topic, String payload) {}

    private record PatternHandler(Pattern pattern, BiConsumer<String, String> handler) {}

    private final Map<String, List<BiConsumer<String, String>>> exact = new ConcurrentHashMap<>();
    private final List<PatternHandler> patterns = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Message> queue;
    private final Counter dropped;
    private final Thread delivery;
    private volatile boolean running = true;

    public InProcessEventBus(int capacity, MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("conductor.bus.messages.dropped")
                .tag("reason", "queue_full")
                .register(meters);
        this.delivery = new Thread(this::deliverLoop, "conductor-bus");
        this.delivery.setDaemon(true);
        this.delivery.start();
    }

    @Override
    public void publish(String topic, String payload) {
        if (!queue.offer(new Message(topic, payload))) {
            dropped.increment();
        }
    }

    @Override
    public Subscription subscribe(String topicOrPattern, BiConsumer<String, String> handler) {
        if (topicOrPattern.contains("*")) {
            PatternHandler ph = new PatternHandler(glob(topicOrPattern), handler);
            patterns.add(ph);
            return () -> patterns.remove(ph);
        }
        exact.computeIfAbsent(topicOrPattern, t -> new CopyOnWriteArrayList<>()).add(handler);
        return () -> exact.getOrDefault(topicOrPattern, List.of()).remove(handler);
    }

    /** Waits until every message published so far has been delivered (for orderly shutdown and tests). */
    public boolean drain(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return queue.isEmpty();
    }

    @Override
    public void close() {
        running = false;
        delivery.interrupt();
    }

    private void deliverLoop() {
        while (running) {
            Message m;
            try {
                m = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            for (BiConsumer<String, String> h : exact.getOrDefault(m.topic(), List.of())) {
                deliver(h, m);
            }
            for (PatternHandler ph : patterns) {
                if (ph.pattern().matcher(m.topic()).matches()) {
                    deliver(ph.handler(), m);
                }
            }
        }
    }

    private static void deliver(BiConsumer<String, String> handler, Message m) {
        try {
            handler.accept(m.topic(), m.payload());
        } catch (RuntimeException e) {
            log.warn("subscriber of {} failed: {}", m.topic(), e.toString());
        }
    }

    private static Pattern glob(String glob) {
        StringJoiner re = new StringJoiner(".*");
        for (String part : glob.split("\\*", -1)) {
            re.add(Pattern.quote(part));
        }
        return Pattern.compile(re.toString());
    }
}

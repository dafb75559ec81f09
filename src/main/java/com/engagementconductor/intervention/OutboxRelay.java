package com.engagementconductor.intervention;

import com.engagementconductor.shared.EventBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows on the bus in {@code id} order and marks them published, on its own thread
 * ({@code conductor-outbox}): woken after each commit that appended rows, and polling at the configured interval.
 * Deletes published rows after the retention. Also holds the bounded in-memory queue of records written while the
 * database was unavailable (contracts §9) and writes them, in order, when it is back.
 */
@Component
class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    /** A record whose messages already went out, waiting for the database. */
    private record QueuedWrite(Runnable record, List<Outbox.Message> messages, Instant publishedAt) {}

    private final OutboxStore store;
    private final EventBus bus;
    private final InstantSource clock;
    private final InterventionSettings settings;
    private final TransactionTemplate tx;
    private final LinkedBlockingDeque<QueuedWrite> memory;
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private final Counter published;
    private final Timer lag;
    private final Counter droppedWrites;
    private final Object publishing = new Object();
    private final Object flushing = new Object();
    private volatile boolean running;
    private volatile boolean failing;
    private Instant lastPrune = Instant.EPOCH;
    private Thread thread = new Thread(() -> {});

    OutboxRelay(
            OutboxStore store,
            EventBus bus,
            InstantSource clock,
            InterventionSettings settings,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.store = store;
        this.bus = bus;
        this.clock = clock;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.memory = new LinkedBlockingDeque<>(settings.outboxMemoryQueue());
        this.published = Counter.builder("conductor.outbox.published").register(meters);
        this.lag = Timer.builder("conductor.outbox.lag")
                .description("from writing an outbox row to publishing it")
                .publishPercentileHistogram()
                .register(meters);
        this.droppedWrites = Counter.builder("conductor.outbox.memory.dropped")
                .description("queued records that could not be written once the database was back")
                .register(meters);
        Gauge.builder("conductor.outbox.memory.queue", memory, BlockingQueue::size)
                .description("records waiting in memory for the database")
                .register(meters);
    }

    /** Asks the relay thread to look for rows now (after a commit that appended some). */
    void wake() {
        wake.offer(Boolean.TRUE);
    }

    /** True while records wait in memory: newer records queue behind them to keep the order. */
    boolean queueing() {
        return !memory.isEmpty();
    }

    /**
     * Publishes the messages at once and queues the record for a later write with its rows marked published.
     *
     * @throws StoreUnavailable when the queue is full; then nothing is published
     */
    void enqueue(Runnable record, List<Outbox.Message> messages, RuntimeException cause) {
        Instant now = clock.instant();
        synchronized (memory) {
            if (!memory.offerLast(new QueuedWrite(record, List.copyOf(messages), now))) {
                throw new StoreUnavailable(
                        "database unavailable and " + settings.outboxMemoryQueue() + " records already wait in memory",
                        cause);
            }
            messages.forEach(m -> bus.publish(m.topic(), m.payload()));
        }
        published.increment(messages.size());
        log.warn("database unavailable, {} record(s) wait in memory: {}", memory.size(), cause.toString());
    }

    /** Writes queued records in order until the queue is empty or the database fails again; returns how many. */
    int flushQueue() {
        synchronized (flushing) {
            int written = 0;
            QueuedWrite head;
            while ((head = memory.peekFirst()) != null) {
                QueuedWrite write = head;
                try {
                    tx.executeWithoutResult(status -> {
                        write.record().run();
                        write.messages()
                                .forEach(m -> store.insertPublished(m.topic(), m.payload(), write.publishedAt()));
                    });
                } catch (RuntimeException e) {
                    if (TransactionalOutbox.unavailable(e)) {
                        return written;
                    }
                    droppedWrites.increment();
                    log.error("dropped a queued record that the database refused: {}", e.toString());
                }
                memory.pollFirst();
                written++;
            }
            if (written > 0) {
                log.info("database back: wrote {} record(s) that waited in memory", written);
            }
            return written;
        }
    }

    /** Publishes every unpublished row in {@code id} order; returns how many. */
    int publishPending() {
        synchronized (publishing) {
            int total = 0;
            int n;
            do {
                Instant now = clock.instant();
                n = store.publishPending(BATCH, now, (topic, payload, createdAt) -> {
                    bus.publish(topic, payload);
                    Duration waited = Duration.between(createdAt, now);
                    lag.record(waited.isNegative() ? Duration.ZERO : waited);
                });
                total += n;
            } while (n == BATCH);
            published.increment(total);
            return total;
        }
    }

    /** Deletes rows published more than the retention before {@code now}; returns how many. */
    int prune(Instant now) {
        lastPrune = now;
        return store.deletePublishedBefore(now.minus(settings.outboxRetention()));
    }

    /** One pass of the relay thread. */
    void step() {
        try {
            flushQueue();
            publishPending();
            Instant now = clock.instant();
            if (!now.isBefore(lastPrune.plusSeconds(3600))) {
                prune(now);
            }
            if (failing) {
                log.info("outbox relay recovered");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("outbox relay cannot reach the database, retrying: {}", e.toString());
                failing = true;
            } else {
                log.debug("outbox relay still failing: {}", e.toString());
            }
        }
    }

    private void loop() {
        while (running) {
            step();
            try {
                wake.poll(settings.outboxPollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "conductor-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        step();
        if (!memory.isEmpty()) {
            log.error(
                    "stopping with {} record(s) still waiting in memory for the database: they are lost",
                    memory.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the components that append (higher phases stop first) and starts before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}

package com.engagementconductor.intervention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link Outbox} on the {@code outbox} table, with the relay's in-memory queue for database outages. Records
 * handed over without waiting queue here, in order, with the work and the waiting stores submitted between them;
 * the {@link RecordWriter} drains the queue, writing each run of consecutive records in one transaction (a group
 * commit), so a burst of decisions costs one commit rather than one each.
 */
@Component
class TransactionalOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(TransactionalOutbox.class);
    /** At most this many records share one transaction. */
    static final int GROUP = 200;

    /** One entry of the writer's queue: a record with its messages, or other work. */
    private sealed interface Entry permits Write, Work {}

    private record Write(Runnable record, List<Message> messages) implements Entry {}

    private record Work(Runnable work) implements Entry {}

    private final OutboxStore store;
    private final OutboxRelay relay;
    private final TransactionTemplate tx;
    private final RecordWriter writer;
    private final Counter refused;
    private final int capacity;
    private final BlockingQueue<Entry> pending;
    private final AtomicBoolean draining = new AtomicBoolean();

    TransactionalOutbox(
            OutboxStore store,
            OutboxRelay relay,
            PlatformTransactionManager transactions,
            RecordWriter writer,
            InterventionSettings settings,
            MeterRegistry meters) {
        this.store = store;
        this.relay = relay;
        this.tx = new TransactionTemplate(transactions);
        this.writer = writer;
        this.capacity = settings.outboxMemoryQueue();
        this.pending = new LinkedBlockingQueue<>(capacity);
        this.refused = Counter.builder("conductor.records.refused")
                .description("agent records the database refused; their messages were not published")
                .register(meters);
        Gauge.builder("conductor.records.queue", pending, BlockingQueue::size)
                .description("agent records and work waiting for the record writer")
                .register(meters);
    }

    @Override
    public void append(String topic, String payload) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        store.insert(topic, payload);
        wakeAfterCommit();
    }

    @Override
    public Stored store(Runnable record, List<Message> messages) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || writer.onWriter()) {
            return storeNow(record, messages);
        }
        CompletableFuture<Stored> done = new CompletableFuture<>();
        enqueue(new Work(() -> {
            try {
                done.complete(storeNow(record, messages));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }));
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailable("the record writer did not answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for the record writer", e);
        }
    }

    @Override
    public void submit(Runnable record, List<Message> messages) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            storeNow(record, messages);
            return;
        }
        enqueue(new Write(record, List.copyOf(messages)));
    }

    @Override
    public void later(Runnable work) {
        enqueue(new Work(work));
    }

    private void enqueue(Entry entry) {
        if (!pending.offer(entry)) {
            throw new StoreUnavailable(capacity + " records already wait for the record writer", null);
        }
        if (draining.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RuntimeException e) {
                pending.remove(entry); // refused as a whole: nothing of it is written later
                draining.set(false);
                throw e;
            }
        }
    }

    /** Runs on the record writer: everything queued, in order, consecutive records in one transaction. */
    private void drain() {
        draining.set(false);
        List<Write> group = new ArrayList<>();
        Entry head;
        while ((head = pending.poll()) != null) {
            if (head instanceof Write w) {
                group.add(w);
                if (group.size() < GROUP && pending.peek() instanceof Write) {
                    continue;
                }
                writeGroup(group);
                group.clear();
            } else if (head instanceof Work w) {
                try {
                    w.work().run();
                } catch (RuntimeException e) {
                    log.error("record writer: work failed: {}", e.toString(), e);
                }
            }
        }
    }

    private void writeGroup(List<Write> group) {
        if (group.size() > 1 && !relay.queueing()) {
            try {
                tx.executeWithoutResult(status -> group.forEach(w -> write(w.record(), w.messages())));
                publishNow();
                return;
            } catch (RuntimeException e) {
                log.debug("group of {} records failed, writing them one by one: {}", group.size(), e.toString());
            }
        }
        for (Write w : group) {
            try {
                storeNow(w.record(), w.messages());
            } catch (StoreUnavailable e) {
                refused.increment();
                log.error("record lost: the database is unavailable and the memory queue is full: {}", e.toString());
            } catch (RuntimeException e) {
                refused.increment();
                log.error("record refused by the database, its messages are not published: {}", e.toString());
            }
        }
    }

    /** Publishes right after a commit on the record writer instead of waking the relay thread. */
    private void publishNow() {
        try {
            relay.publishPending();
        } catch (RuntimeException e) {
            log.debug("publishing after commit failed, the relay retries: {}", e.toString());
        }
    }

    /** Stores now on this thread. */
    private Stored storeNow(Runnable record, List<Message> messages) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(record, messages);
            return Stored.WRITTEN;
        }
        if (relay.queueing()) {
            relay.enqueue(record, messages, new DataAccessResourceFailureException("earlier records still wait"));
            relay.wake();
            return Stored.QUEUED;
        }
        try {
            tx.executeWithoutResult(status -> write(record, messages));
        } catch (RuntimeException e) {
            if (!unavailable(e)) {
                throw e;
            }
            relay.enqueue(record, messages, e);
            return Stored.QUEUED;
        }
        if (writer.onWriter()) {
            publishNow();
        }
        return Stored.WRITTEN;
    }

    private void write(Runnable record, List<Message> messages) {
        record.run();
        for (Message m : messages) {
            append(m.topic(), m.payload());
        }
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                }
            });
        } else {
            relay.wake();
        }
    }

    /** True for failures that mean "the database cannot be reached right now", as opposed to a refused statement. */
    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}

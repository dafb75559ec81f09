package com.engagementconductor.intervention;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@link Outbox} on the {@code outbox} table, with the relay's in-memory queue for database outages. */
@Component
class TransactionalOutbox implements Outbox {
    private final OutboxStore store;
    private final OutboxRelay relay;
    private final TransactionTemplate tx;

    TransactionalOutbox(OutboxStore store, OutboxRelay relay, PlatformTransactionManager transactions) {
        this.store = store;
        this.relay = relay;
        this.tx = new TransactionTemplate(transactions);
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
            return Stored.WRITTEN;
        } catch (RuntimeException e) {
            if (!unavailable(e)) {
                throw e;
            }
            relay.enqueue(record, messages, e);
            return Stored.QUEUED;
        }
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

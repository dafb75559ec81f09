package com.engagementconductor.intervention;

import java.util.List;
import java.util.Objects;

/**
 * Messages that announce a stored record (contracts §8, §9): written with the record in one transaction and
 * published on the bus by the relay after commit, in {@code id} order, each once (consumers are idempotent on ids).
 */
public interface Outbox {

    /**
     * Appends a message in the caller's transaction; it is published promptly after that transaction commits. Outside
     * a transaction the row commits on its own and is published right away.
     */
    void append(String topic, String payload);

    /**
     * Writes a record and appends the messages that announce it in one transaction. While the database is unavailable
     * the messages are published at once and the record waits, with its rows marked published, in a bounded in-memory
     * queue that is written in order, before newer records, when the database is back. Inside a caller's transaction
     * this joins it and failures propagate (no queueing).
     *
     * @param record the JDBC writes of the record, run inside the transaction
     * @throws StoreUnavailable when the database is unavailable and the in-memory queue is full (nothing published)
     */
    Stored store(Runnable record, List<Message> messages);

    /**
     * {@link #store} without waiting: the record writer stores the record and its messages after everything
     * submitted before, and publishes the messages right after the commit. The record is written as the runnable
     * finds things when it runs, so it must capture a snapshot, not live state. A write the database refuses is
     * logged and counted and its messages are not published. Inside a caller's transaction this joins it.
     *
     * @throws StoreUnavailable when the writer's queue is full (nothing is written or published)
     */
    void submit(Runnable record, List<Message> messages);

    /**
     * Runs work on the record writer after everything submitted before it, without waiting; for work that reads
     * and writes the database and must see the records submitted earlier (a reward after its intervention).
     *
     * @throws StoreUnavailable when the writer's queue is full
     */
    void later(Runnable work);

    /** One message: a topic and the exact JSON to send. */
    record Message(String topic, String payload) {
        public Message {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** What {@link #store} did. */
    enum Stored {
        /** Committed; the relay publishes the messages. */
        WRITTEN,
        /** The database is unavailable: messages published, record queued in memory. */
        QUEUED
    }
}

package com.engagementconductor.intervention;

import java.time.Instant;

/** The {@code outbox} table. Inserts join the caller's transaction when there is one. */
public interface OutboxStore {

    /** Adds an unpublished row. */
    void insert(String topic, String payload);

    /** Adds a row already published (its message went out from the in-memory queue while the database was down). */
    void insertPublished(String topic, String payload, Instant publishedAt);

    /**
     * In one transaction: takes up to {@code limit} unpublished rows in {@code id} order (rows another relay holds
     * are skipped), hands each to {@code publisher} as (topic, payload), and marks them published at {@code now}.
     *
     * @return how many rows were published
     */
    int publishPending(int limit, Instant now, Publisher publisher);

    /** Sends one outbox row; {@code createdAt} is when the row was written (for the outbox lag). */
    @FunctionalInterface
    interface Publisher {
        void publish(String topic, String payload, Instant createdAt);
    }

    /** Deletes rows published before {@code cutoff}; returns how many. */
    int deletePublishedBefore(Instant cutoff);
}

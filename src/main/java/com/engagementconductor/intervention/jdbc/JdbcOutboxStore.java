package com.engagementconductor.intervention.jdbc;

import com.engagementconductor.intervention.OutboxStore;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code outbox} table. The relay takes unpublished rows with {@code FOR UPDATE SKIP LOCKED}, so two relays on
 * one database never publish the same row.
 */
@Repository
class JdbcOutboxStore implements OutboxStore {
    private record Row(long id, String topic, String payload, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final InstantSource clock;
    private final TransactionTemplate tx;

    JdbcOutboxStore(JdbcClient jdbc, InstantSource clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void insert(String topic, String payload) {
        jdbc.sql("INSERT INTO outbox (topic, payload, created_at) VALUES (?, ?, ?)")
                .params(topic, payload, SqlTimes.param(clock.instant()))
                .update();
    }

    @Override
    public void insertPublished(String topic, String payload, Instant publishedAt) {
        jdbc.sql("INSERT INTO outbox (topic, payload, created_at, published_at) VALUES (?, ?, ?, ?)")
                .params(topic, payload, SqlTimes.param(publishedAt), SqlTimes.param(publishedAt))
                .update();
    }

    @Override
    public int publishPending(int limit, Instant now, Publisher publisher) {
        Integer n = tx.execute(status -> {
            List<Row> rows = jdbc.sql("SELECT id, topic, payload, created_at FROM outbox WHERE published_at IS NULL"
                            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                    .param(limit)
                    .query((rs, i) -> new Row(
                            rs.getLong("id"),
                            rs.getString("topic"),
                            rs.getString("payload"),
                            SqlTimes.readRequired(rs, "created_at")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            for (Row r : rows) {
                publisher.publish(r.topic(), r.payload(), r.createdAt());
            }
            jdbc.sql("UPDATE outbox SET published_at = :at WHERE id IN (:ids)")
                    .param("at", SqlTimes.param(now))
                    .param("ids", rows.stream().map(Row::id).toList())
                    .update();
            return rows.size();
        });
        return n == null ? 0 : n;
    }

    @Override
    public int deletePublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < ?")
                .param(SqlTimes.param(cutoff))
                .update();
    }
}

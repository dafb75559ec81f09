package com.engagementconductor.scoring.jdbc;

import com.engagementconductor.scoring.EngagementMetrics;
import com.engagementconductor.scoring.MetricRow;
import com.engagementconductor.scoring.ScoringSettings;
import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import com.engagementconductor.signals.SignalsSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code engagement_metrics} table. Ticks queue rows without waiting; a writer thread inserts them in
 * batches every second, retries a failed batch before newer rows, prunes rows past the retention, and counts
 * rows it had to drop when the queue is full.
 */
@Repository
class JdbcEngagementMetrics implements EngagementMetrics, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JdbcEngagementMetrics.class);
    private static final String INSERT = "INSERT INTO engagement_metrics (time, session_id, event_id, engagement_score,"
            + " chat_msgs_per_min, poll_participation, reactions_per_min, user_leave_rate, active_users, extra_data)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonColumns json;
    private final JsonMapper mapper;
    private final ScoringSettings settings;
    private final InstantSource clock;
    private final BlockingQueue<MetricRow> queue = new ArrayBlockingQueue<>(200_000);
    private final Counter dropped;
    private List<MetricRow> retry = List.of();
    private ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean running;
    private Instant lastPrune = Instant.EPOCH;

    JdbcEngagementMetrics(
            JdbcClient jdbc,
            JdbcTemplate batch,
            JsonColumns json,
            JsonMapper mapper,
            ScoringSettings settings,
            InstantSource clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
        this.dropped = Counter.builder("conductor.store.dropped")
                .tag("table", "engagement_metrics")
                .register(meters);
    }

    @Override
    public void append(MetricRow row) {
        if (!queue.offer(row)) {
            dropped.increment();
        }
    }

    @Override
    public List<StoredPoint> recent(String sessionId, Instant since, int limit) {
        List<StoredPoint> newestFirst = jdbc.sql("SELECT time, engagement_score, chat_msgs_per_min, poll_participation,"
                        + " reactions_per_min, user_leave_rate, active_users, extra_data FROM engagement_metrics"
                        + " WHERE session_id = ? AND time >= ? ORDER BY time DESC LIMIT ?")
                .params(sessionId, SqlTimes.param(since), limit)
                .query((rs, n) -> {
                    Map<String, Object> extra = parse(rs.getString("extra_data"));
                    Map<String, Object> signals = new LinkedHashMap<>();
                    signals.put("chat_msgs_per_min", rs.getDouble("chat_msgs_per_min"));
                    signals.put("poll_participation", rs.getDouble("poll_participation"));
                    signals.put("active_users", rs.getInt("active_users"));
                    signals.put("total_users", extra.get("total_users"));
                    signals.put("reactions_per_min", rs.getDouble("reactions_per_min"));
                    signals.put("user_leave_rate", rs.getDouble("user_leave_rate"));
                    for (String k : List.of(
                            "connected_users",
                            "qa_per_min",
                            "qa_questions_per_min",
                            "qa_upvotes_per_min",
                            "spontaneous_active_users",
                            "poll_open")) {
                        signals.put(k, extra.get(k));
                    }
                    return new StoredPoint(
                            SqlTimes.readRequired(rs, "time"),
                            rs.getDouble("engagement_score"),
                            String.valueOf(extra.get("category")),
                            signals,
                            String.valueOf(extra.get("formula")),
                            extra.get("detection_score") instanceof Number d ? d.doubleValue() : 0.0,
                            Boolean.TRUE.equals(extra.get("partial_window")));
                })
                .list();
        List<StoredPoint> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public java.util.Optional<ScoreRange> range(String sessionId) {
        return jdbc.sql("SELECT AVG(engagement_score) AS mean, MIN(engagement_score) AS low,"
                        + " MAX(engagement_score) AS high, COUNT(*) AS n FROM engagement_metrics WHERE session_id = ?")
                .param(sessionId)
                .query((rs, n) -> rs.getLong("n") == 0
                        ? null
                        : new ScoreRange(
                                rs.getDouble("mean"), rs.getDouble("low"), rs.getDouble("high"), rs.getLong("n")))
                .optional();
    }

    @Override
    public synchronized void flush() {
        if (!retry.isEmpty()) {
            if (!write(retry)) {
                return;
            }
            retry = List.of();
        }
        List<MetricRow> batch = new ArrayList<>(settings.metricsBatchSize());
        while (queue.drainTo(batch, settings.metricsBatchSize()) > 0) {
            if (!write(batch)) {
                retry = batch;
                return;
            }
            batch = new ArrayList<>(settings.metricsBatchSize());
        }
        prune();
    }

    private boolean write(List<MetricRow> rows) {
        try {
            List<Object[]> args = new ArrayList<>(rows.size());
            for (MetricRow r : rows) {
                args.add(row(r));
            }
            batch.batchUpdate(INSERT + json.parameter() + ")", args);
            return true;
        } catch (DataIntegrityViolationException e) {
            // a row the database refuses (one already stored for that session and second) must not hold back the
            // others: write them one by one and drop, counted, the ones refused
            int refused = 0;
            for (MetricRow r : rows) {
                try {
                    batch.update(INSERT + json.parameter() + ")", row(r));
                } catch (DataIntegrityViolationException rowRefused) {
                    refused++;
                    dropped.increment();
                }
            }
            log.warn(
                    "engagement metrics: {} of {} rows refused (already stored for that session and time, or invalid): {}",
                    refused,
                    rows.size(),
                    e.toString());
            return true;
        } catch (RuntimeException e) {
            log.warn("engagement metrics not written yet ({} rows waiting): {}", rows.size(), e.toString());
            return false;
        }
    }

    private Object[] row(MetricRow r) {
        SignalsSnapshot s = r.signals();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("total_users", s.connectedUsers());
        extra.put("connected_users", s.connectedUsers());
        extra.put("qa_per_min", (double) s.qaQuestions());
        extra.put("qa_questions_per_min", (double) s.qaQuestions());
        extra.put("qa_upvotes_per_min", (double) s.qaUpvotes());
        extra.put("spontaneous_active_users", s.spontaneousActiveUsers());
        extra.put("poll_open", s.pollOpen());
        extra.put("partial_window", s.partialWindow());
        extra.put("category", r.score().category().name());
        extra.put("formula", r.score().version().wireName());
        extra.put("detection_score", r.score().detection());
        return new Object[] {
            SqlTimes.param(r.time()),
            r.sessionId(),
            r.eventId(),
            r.score().published(),
            (double) s.chatMessages(),
            s.pollParticipation(),
            (double) s.reactions(),
            s.userLeaveRate(),
            s.activeUsers(),
            mapper.writeValueAsString(extra)
        };
    }

    private void prune() {
        Instant now = clock.instant();
        if (now.isBefore(lastPrune.plusSeconds(3600))) {
            return;
        }
        lastPrune = now;
        int n = jdbc.sql("DELETE FROM engagement_metrics WHERE time < ?")
                .param(SqlTimes.param(now.minus(settings.metricsRetention())))
                .update();
        if (n > 0) {
            log.info("pruned {} engagement metric rows older than {}", n, settings.metricsRetention());
        }
    }

    private Map<String, Object> parse(String text) {
        if (text == null) {
            return Map.of();
        }
        return mapper.readValue(text, new TypeReference<Map<String, Object>>() {});
    }

    @Override
    public void start() {
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "conductor-store-metrics");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::flushSafely, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("engagement metrics writer: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushSafely();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

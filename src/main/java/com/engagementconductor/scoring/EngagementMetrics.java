package com.engagementconductor.scoring;

import java.time.Instant;
import java.util.List;

/** Storage of engagement points: appended in batches off the tick, read for history and rewards. */
public interface EngagementMetrics {

    /** Queues a row for the next batch; never blocks the tick. */
    void append(MetricRow row);

    /** Writes the queued rows now (the writer also does so every second). */
    void flush();

    /** The most recent points of a session since an instant, oldest first, at most {@code limit}. */
    List<StoredPoint> recent(String sessionId, Instant since, int limit);

    /** Mean, lowest and highest score over all of a session's stored points; empty when it has none. */
    java.util.Optional<ScoreRange> range(String sessionId);

    /** The scores of a session's stored points: their mean, minimum and maximum, over {@code points} points. */
    record ScoreRange(double mean, double min, double max, long points) {}

    /**
     * A stored point with its wire {@code signals} object, its detection score (R2.6) and whether its window was
     * partial (R1.9).
     */
    record StoredPoint(
            Instant timestamp,
            double score,
            String category,
            java.util.Map<String, Object> signals,
            String formula,
            double detection,
            boolean partial) {}
}

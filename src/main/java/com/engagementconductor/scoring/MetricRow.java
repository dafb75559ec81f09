package com.engagementconductor.scoring;

import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Instant;

/** One {@code engagement_metrics} row: a session's score and signals at a tick. */
public record MetricRow(String sessionId, String eventId, Instant time, SignalsSnapshot signals, Score score) {}

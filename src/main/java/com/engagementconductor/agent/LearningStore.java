package com.engagementconductor.agent;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Persistence of what the agent learned: {@code agent_performance} rows and holdout cases (R7.4, R7.5). */
public interface LearningStore {

    void performance(
            Instant time, String sessionId, String interventionType, boolean success, double delta, @Nullable Double confidence,
            Map<String, Object> extraData);

    void holdoutCase(
            String decisionId, String eventId, @Nullable String orgId, String contextKey, String anomalyType, double delta,
            Instant measuredAt);
}

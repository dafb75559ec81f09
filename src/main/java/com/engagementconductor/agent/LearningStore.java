package com.engagementconductor.agent;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Persistence of what the agent learned: {@code agent_performance} rows and holdout cases (R7.4, R7.5). */
public interface LearningStore {

    void performance(
            Instant time,
            String sessionId,
            String interventionType,
            boolean success,
            double delta,
            @Nullable Double confidence,
            Map<String, Object> extraData);

    /** Holdout cases of a context and of its anomaly type: counts and mean deltas (R7.5). */
    HoldoutBaseline holdoutBaseline(String contextKey, String anomalyType);

    /** What the holdout cases say about a context. */
    record HoldoutBaseline(long contextCases, double contextMean, long typeCases, double typeMean) {
        /** A baseline exists for the context or its anomaly type (the floor of R4.6 applies). */
        public boolean exists() {
            return contextCases > 0 || typeCases > 0;
        }

        /** The mean holdout delta to subtract (R7.5): the context's with 20 cases, else the anomaly type's. */
        public java.util.OptionalDouble mean() {
            if (contextCases >= 20) {
                return java.util.OptionalDouble.of(contextMean);
            }
            if (typeCases >= 20) {
                return java.util.OptionalDouble.of(typeMean);
            }
            return java.util.OptionalDouble.empty();
        }
    }

    void holdoutCase(
            String decisionId,
            String eventId,
            @Nullable String orgId,
            String contextKey,
            String anomalyType,
            double delta,
            Instant measuredAt);
}

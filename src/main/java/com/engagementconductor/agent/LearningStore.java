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

    /**
     * Holdout cases of a context in the event, organization and global scopes, and of its anomaly type globally:
     * counts and mean deltas (R7.5).
     */
    HoldoutBaseline holdoutBaseline(String eventId, @Nullable String orgId, String contextKey, String anomalyType);

    /** Cases and mean holdout delta of one scope. */
    record Cases(long count, double mean) {
        public static final Cases NONE = new Cases(0, 0);
    }

    /** What the holdout cases say about a context. */
    record HoldoutBaseline(Cases event, Cases org, Cases global, Cases anomalyType) {
        static final int ENOUGH = 20;

        /** A baseline exists for the context or its anomaly type (the floor of R4.6 applies). */
        public boolean exists() {
            return global.count() > 0 || anomalyType.count() > 0;
        }

        /**
         * The mean holdout delta to subtract (R7.5): that of the most specific scope with 20 cases of the context,
         * else that of the anomaly type's 20 cases in the global scope, else none.
         */
        public java.util.OptionalDouble mean() {
            for (Cases c : new Cases[] {event, org, global, anomalyType}) {
                if (c.count() >= ENOUGH) {
                    return java.util.OptionalDouble.of(c.mean());
                }
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

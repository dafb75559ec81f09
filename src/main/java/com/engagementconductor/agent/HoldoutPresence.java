package com.engagementconductor.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a holdout baseline exists for a context (R4.6: the confidence floor applies only then), answered from
 * memory when the decision is taken, so the lane does not query the database on every decision. A baseline, once
 * it exists, stays; an answer of "none" is asked again after a minute (another node may have recorded a case),
 * and a case recorded here counts at once.
 */
@Component
class HoldoutPresence {
    static final Duration RECHECK = Duration.ofMinutes(1);

    private final LearningStore store;
    private final InstantSource clock;
    private final Map<String, Boolean> present = new ConcurrentHashMap<>();
    private final Map<String, Instant> absentSince = new ConcurrentHashMap<>();

    HoldoutPresence(LearningStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    boolean exists(String eventId, @Nullable String orgId, String contextKey, String anomalyType) {
        String key = key(contextKey, anomalyType);
        if (present.containsKey(contextKey) || present.containsKey(type(anomalyType))) {
            return true;
        }
        Instant now = clock.instant();
        Instant checked = absentSince.get(key);
        if (checked != null && now.isBefore(checked.plus(RECHECK))) {
            return false;
        }
        LearningStore.HoldoutBaseline baseline = store.holdoutBaseline(eventId, orgId, contextKey, anomalyType);
        if (baseline.global().count() > 0) {
            present.put(contextKey, Boolean.TRUE);
        }
        if (baseline.anomalyType().count() > 0) {
            present.put(type(anomalyType), Boolean.TRUE);
        }
        if (baseline.exists()) {
            absentSince.remove(key);
            return true;
        }
        absentSince.put(key, now);
        return false;
    }

    /** A holdout case of this context was recorded here. */
    void recorded(String contextKey, String anomalyType) {
        present.put(contextKey, Boolean.TRUE);
        present.put(type(anomalyType), Boolean.TRUE);
    }

    private static String key(String contextKey, String anomalyType) {
        return contextKey + "|" + anomalyType;
    }

    private static String type(String anomalyType) {
        return "type:" + anomalyType;
    }
}

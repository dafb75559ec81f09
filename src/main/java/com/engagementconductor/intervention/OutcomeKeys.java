package com.engagementconductor.intervention;

import com.engagementconductor.shared.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code outcome} object of contracts §4.10: delivery keys and measurement keys merged so that neither
 * overwrites the other (behaviour R7.4, D39). Every key is present, {@code null} until known.
 */
final class OutcomeKeys {
    /** Written when the outcome report arrives (or the wait for it ends). */
    static final List<String> DELIVERY = List.of("executed", "executed_at", "error", "result");
    /** Written when the reward is measured; both spellings of the engagement means. */
    static final Set<String> MEASUREMENT = Set.of(
            "success",
            "engagement_before",
            "engagement_after",
            "engagement_delta",
            "pre_engagement",
            "post_engagement",
            "reward",
            "uplift",
            "holdout_mean",
            "confounded",
            "measured_at");

    private static final List<String> ORDER = List.of(
            "executed",
            "success",
            "engagement_before",
            "engagement_after",
            "engagement_delta",
            "pre_engagement",
            "post_engagement",
            "reward",
            "uplift",
            "holdout_mean",
            "confounded",
            "executed_at",
            "measured_at",
            "error",
            "result");

    private OutcomeKeys() {}

    /** The existing outcome with every key present, in the order of contracts §4.10; unknown keys are kept. */
    static Map<String, @Nullable Object> base(@Nullable Map<String, @Nullable Object> existing) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (String key : ORDER) {
            out.put(key, existing == null ? null : existing.get(key));
        }
        if (existing != null) {
            existing.forEach(out::putIfAbsent);
        }
        return out;
    }

    /** Sets the delivery keys, leaving every measurement key as it was. */
    static Map<String, @Nullable Object> mergeDelivery(
            @Nullable Map<String, @Nullable Object> existing,
            boolean executed,
            @Nullable String error,
            @Nullable Instant executedAt,
            @Nullable Object result) {
        Map<String, @Nullable Object> out = base(existing);
        out.put("executed", executed);
        out.put("executed_at", executedAt == null ? null : Timestamps.format(executedAt));
        out.put("error", error);
        out.put("result", result);
        return out;
    }

    /**
     * Sets the given measurement keys (each spelling of the engagement means is copied to its twin), leaving every
     * delivery key as it was.
     *
     * @throws IllegalArgumentException for a key that is not a measurement key, or twins that disagree
     */
    static Map<String, @Nullable Object> mergeMeasurement(
            @Nullable Map<String, @Nullable Object> existing, Map<String, ?> measurement) {
        for (String key : measurement.keySet()) {
            if (!MEASUREMENT.contains(key)) {
                throw new IllegalArgumentException("not a measurement key of the outcome: " + key);
            }
        }
        Map<String, @Nullable Object> given = new LinkedHashMap<>();
        measurement.forEach((k, v) -> given.put(k, v instanceof Instant t ? Timestamps.format(t) : v));
        twin(given, "engagement_before", "pre_engagement");
        twin(given, "engagement_after", "post_engagement");
        Map<String, @Nullable Object> out = base(existing);
        out.putAll(given);
        return out;
    }

    private static void twin(Map<String, @Nullable Object> given, String dashboardKey, String storageKey) {
        boolean hasDashboard = given.containsKey(dashboardKey);
        boolean hasStorage = given.containsKey(storageKey);
        if (hasDashboard && hasStorage && !Objects.equals(given.get(dashboardKey), given.get(storageKey))) {
            throw new IllegalArgumentException(dashboardKey + " and " + storageKey + " must be equal: "
                    + given.get(dashboardKey) + " vs " + given.get(storageKey));
        }
        if (hasDashboard) {
            given.put(storageKey, given.get(dashboardKey));
        } else if (hasStorage) {
            given.put(dashboardKey, given.get(storageKey));
        }
    }
}

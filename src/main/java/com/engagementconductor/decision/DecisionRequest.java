package com.engagementconductor.decision;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the agent knows when it asks for an intervention. The decision module knows nothing of sessions, so the
 * agent passes in the session's live state: the arms still in cooldown (R4.6 step 2) and whether a holdout
 * baseline exists for the context or its anomaly type (R7.5), which switches the confidence floor on.
 *
 * @param scopes global, the organization when known, the event (R4.3)
 * @param allowed the event's {@code allowed_interventions}; empty means no intervention (TV-B18)
 * @param cooldownRemaining per arm, the time left of its cooldown; an arm with a positive duration is excluded
 * @param holdoutBaseline true when a holdout baseline exists for the context or its anomaly type (R7.5)
 * @param minConfidenceThreshold the event's {@code min_confidence_threshold}, 0..1
 */
public record DecisionRequest(
        ScopeChain scopes,
        ContextKey context,
        Set<Arm> allowed,
        Map<Arm, Duration> cooldownRemaining,
        boolean holdoutBaseline,
        double minConfidenceThreshold) {

    public DecisionRequest {
        Objects.requireNonNull(scopes, "scopes must not be null");
        Objects.requireNonNull(context, "context must not be null");
        allowed = allowed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowed));
        cooldownRemaining = cooldownRemaining.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(cooldownRemaining));
        if (!(minConfidenceThreshold >= 0.0 && minConfidenceThreshold <= 1.0)) {
            throw new IllegalArgumentException("minConfidenceThreshold must be in [0,1]: " + minConfidenceThreshold);
        }
    }

    /** True when the arm's cooldown has time left. */
    boolean inCooldown(Arm arm) {
        Duration left = cooldownRemaining.get(arm);
        return left != null && !left.isZero() && !left.isNegative();
    }
}

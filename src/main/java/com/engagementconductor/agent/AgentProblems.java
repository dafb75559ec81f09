package com.engagementconductor.agent;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Domain exceptions of approvals and manual interventions, mapped to problem details at the edge. */
public final class AgentProblems {
    private AgentProblems() {}

    /** No such decision in this session (404 {@code decision_not_found}). */
    public static final class DecisionNotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DecisionNotFound(UUID id) {
            super("decision " + id + " not found in this session");
        }
    }

    /** The action is blocked by allowed arms, a cooldown or a rate limit (422 {@code intervention_blocked}). */
    public static final class InterventionBlocked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;
        private final @Nullable Long retryAfter;

        public InterventionBlocked(String reason, @Nullable Long retryAfter) {
            super("intervention blocked: " + reason);
            this.reason = reason;
            this.retryAfter = retryAfter;
        }

        public String reason() {
            return reason;
        }

        public @Nullable Long retryAfter() {
            return retryAfter;
        }
    }
}

package com.engagementconductor.agent;

import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An event's agent settings (contracts §4.8, behaviour R0.6). Without a stored row the defaults apply, the same
 * numbers as a new row's.
 *
 * @param allowedInterventions null means all four arms; empty means none
 * @param stored whether a row exists ({@code source} {@code stored} or {@code default})
 */
public record EventSettings(
        String eventId,
        @Nullable String orgId,
        boolean agentEnabled,
        AgentMode agentMode,
        double autoApproveThreshold,
        double minConfidenceThreshold,
        @Nullable Set<InterventionType> allowedInterventions,
        int maxInterventionsPerHour,
        double holdoutFraction,
        int approvalTimeoutSeconds,
        boolean notifyOnAnomaly,
        boolean notifyOnIntervention,
        @Nullable List<String> notificationEmails,
        boolean stored,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    public EventSettings {
        if (autoApproveThreshold < 0.5 || autoApproveThreshold > 1.0) {
            throw new IllegalArgumentException("auto_approve_threshold must be in [0.5, 1]: " + autoApproveThreshold);
        }
        if (minConfidenceThreshold < 0 || minConfidenceThreshold > autoApproveThreshold) {
            throw new IllegalArgumentException(
                    "min_confidence_threshold must be in [0, auto_approve_threshold]: " + minConfidenceThreshold);
        }
        if (maxInterventionsPerHour < 0 || maxInterventionsPerHour > 100) {
            throw new IllegalArgumentException(
                    "max_interventions_per_hour must be in [0, 100]: " + maxInterventionsPerHour);
        }
        if (holdoutFraction < 0 || holdoutFraction > 0.5) {
            throw new IllegalArgumentException("holdout_fraction must be in [0, 0.5]: " + holdoutFraction);
        }
        if (approvalTimeoutSeconds < 30 || approvalTimeoutSeconds > 1800) {
            throw new IllegalArgumentException(
                    "approval_timeout_seconds must be in [30, 1800]: " + approvalTimeoutSeconds);
        }
        allowedInterventions = allowedInterventions == null ? null : Set.copyOf(allowedInterventions);
        notificationEmails = notificationEmails == null ? null : List.copyOf(notificationEmails);
    }

    /** The defaults of contracts §4.8 for an event without a row. */
    public static EventSettings defaults(String eventId, @Nullable String orgId) {
        return new EventSettings(
                eventId,
                orgId,
                true,
                AgentMode.MANUAL,
                0.75,
                0.50,
                null,
                10,
                0.0,
                120,
                true,
                true,
                null,
                false,
                null,
                null);
    }

    /** The arms the event allows (all four when unset). */
    public Set<InterventionType> allowed() {
        return allowedInterventions == null
                ? EnumSet.allOf(InterventionType.class)
                : (allowedInterventions.isEmpty()
                        ? EnumSet.noneOf(InterventionType.class)
                        : EnumSet.copyOf(allowedInterventions));
    }
}

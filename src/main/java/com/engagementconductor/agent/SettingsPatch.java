package com.engagementconductor.agent;

import com.engagementconductor.shared.InterventionType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of event settings (contracts §4.8): an absent field keeps its value. The two list fields can
 * also be set to null explicitly, hence {@code Optional} inside a nullable reference: null = not given.
 */
public record SettingsPatch(
        @Nullable Boolean agentEnabled,
        @Nullable AgentMode agentMode,
        @Nullable Double autoApproveThreshold,
        @Nullable Double minConfidenceThreshold,
        @Nullable Optional<Set<InterventionType>> allowedInterventions,
        @Nullable Integer maxInterventionsPerHour,
        @Nullable Double holdoutFraction,
        @Nullable Integer approvalTimeoutSeconds,
        @Nullable Boolean notifyOnAnomaly,
        @Nullable Boolean notifyOnIntervention,
        @Nullable Optional<List<String>> notificationEmails) {

    /** The settings after this patch. */
    EventSettings applyTo(EventSettings s) {
        return new EventSettings(
                s.eventId(),
                s.orgId(),
                agentEnabled != null ? agentEnabled : s.agentEnabled(),
                agentMode != null ? agentMode : s.agentMode(),
                autoApproveThreshold != null ? autoApproveThreshold : s.autoApproveThreshold(),
                minConfidenceThreshold != null ? minConfidenceThreshold : s.minConfidenceThreshold(),
                allowedInterventions != null ? allowedInterventions.orElse(null) : s.allowedInterventions(),
                maxInterventionsPerHour != null ? maxInterventionsPerHour : s.maxInterventionsPerHour(),
                holdoutFraction != null ? holdoutFraction : s.holdoutFraction(),
                approvalTimeoutSeconds != null ? approvalTimeoutSeconds : s.approvalTimeoutSeconds(),
                notifyOnAnomaly != null ? notifyOnAnomaly : s.notifyOnAnomaly(),
                notifyOnIntervention != null ? notifyOnIntervention : s.notifyOnIntervention(),
                notificationEmails != null ? notificationEmails.orElse(null) : s.notificationEmails(),
                s.stored(),
                s.createdAt(),
                s.updatedAt());
    }
}

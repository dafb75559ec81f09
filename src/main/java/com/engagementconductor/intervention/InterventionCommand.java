package com.engagementconductor.intervention;

import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One intervention to dispatch: the record of contracts §4.10 and the command of §8.3 are derived from it.
 *
 * @param decisionId the decision that chose it; {@code null} for manual interventions
 * @param confidence the decision's posterior mean; {@code null} for manual interventions
 * @param reasoning the decision's reasoning, or a manual intervention's {@code reason} verbatim
 * @param anomalyType the triggering anomaly's type ({@code SUDDEN_DROP} …), if any
 * @param severity the triggering anomaly's severity ({@code WARNING} or {@code CRITICAL}), if any
 * @param generationMethod {@code sonnet}, {@code haiku} or {@code template} (contracts §4.10)
 * @param latencyMs content generation time, timeouts included
 * @param triggeredBy the caller's {@code sub} for manual interventions
 * @param contextKey the bandit context key of the decision
 * @param context a manual intervention's {@code context} object, stored as {@code metadata.context}
 * @param generation further facts of content generation stored in {@code metadata} as given (e.g. {@code model},
 *     {@code fallback_reason}, token counts, {@code cost_usd}, {@code content_source}; behaviour R6.8)
 * @param timestamp the dispatch time: the record's {@code timestamp} and the command's
 */
public record InterventionCommand(
        UUID interventionId,
        @Nullable UUID decisionId,
        String sessionId,
        String eventId,
        InterventionType type,
        @Nullable Double confidence,
        String reasoning,
        @Nullable String anomalyType,
        @Nullable String severity,
        InterventionContent content,
        String generationMethod,
        long latencyMs,
        boolean manual,
        @Nullable String triggeredBy,
        @Nullable String contextKey,
        @Nullable Map<String, ?> context,
        @Nullable Map<String, ?> generation,
        Instant timestamp) {

    public InterventionCommand {
        Objects.requireNonNull(interventionId, "interventionId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(generationMethod, "generationMethod");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!content.kind().name().equals(type.name())) {
            throw new IllegalArgumentException(
                    "content of a " + content.kind() + " does not fit an intervention of type " + type);
        }
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative: " + latencyMs);
        }
        context = context == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        generation = generation == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(generation));
    }

    /** True when the triggering anomaly is {@code CRITICAL}: priority {@code HIGH} and notification escalation. */
    public boolean critical() {
        return !manual && "CRITICAL".equals(severity);
    }

    /** Starts a command for an agent decision; set the remaining fields on the builder. */
    public static Builder forDecision(
            UUID interventionId,
            UUID decisionId,
            String sessionId,
            String eventId,
            InterventionContent content,
            Instant timestamp) {
        return new Builder(interventionId, sessionId, eventId, content, timestamp).decisionId(decisionId);
    }

    /** Starts a manual command (no decision, no confidence, priority {@code MEDIUM}). */
    public static Builder manual(
            UUID interventionId,
            String sessionId,
            String eventId,
            InterventionContent content,
            @Nullable String triggeredBy,
            Instant timestamp) {
        Builder b = new Builder(interventionId, sessionId, eventId, content, timestamp);
        b.manual = true;
        b.triggeredBy = triggeredBy;
        return b;
    }

    /** Builds a command; the type is the content's. */
    public static final class Builder {
        private final UUID interventionId;
        private final String sessionId;
        private final String eventId;
        private final InterventionContent content;
        private final Instant timestamp;
        private @Nullable UUID decisionId;
        private @Nullable Double confidence;
        private String reasoning = "";
        private @Nullable String anomalyType;
        private @Nullable String severity;
        private String generationMethod = "template";
        private long latencyMs;
        private boolean manual;
        private @Nullable String triggeredBy;
        private @Nullable String contextKey;
        private @Nullable Map<String, ?> context;
        private @Nullable Map<String, ?> generation;

        private Builder(
                UUID interventionId, String sessionId, String eventId, InterventionContent content, Instant timestamp) {
            this.interventionId = interventionId;
            this.sessionId = sessionId;
            this.eventId = eventId;
            this.content = content;
            this.timestamp = timestamp;
        }

        public Builder decisionId(@Nullable UUID value) {
            decisionId = value;
            return this;
        }

        public Builder confidence(@Nullable Double value) {
            confidence = value;
            return this;
        }

        public Builder reasoning(String value) {
            reasoning = value;
            return this;
        }

        public Builder anomaly(@Nullable String type, @Nullable String severityValue) {
            anomalyType = type;
            severity = severityValue;
            return this;
        }

        public Builder generation(String method, long latency) {
            generationMethod = method;
            latencyMs = latency;
            return this;
        }

        public Builder generationDetails(@Nullable Map<String, ?> details) {
            generation = details;
            return this;
        }

        public Builder contextKey(@Nullable String value) {
            contextKey = value;
            return this;
        }

        public Builder context(@Nullable Map<String, ?> value) {
            context = value;
            return this;
        }

        public InterventionCommand build() {
            return new InterventionCommand(
                    interventionId,
                    decisionId,
                    sessionId,
                    eventId,
                    InterventionType.valueOf(content.kind().name()),
                    confidence,
                    reasoning,
                    anomalyType,
                    severity,
                    content,
                    generationMethod,
                    latencyMs,
                    manual,
                    triggeredBy,
                    contextKey,
                    context,
                    generation,
                    timestamp);
        }
    }
}

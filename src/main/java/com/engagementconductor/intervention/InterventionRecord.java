package com.engagementconductor.intervention;

import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.Timestamps;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code interventions}: {@code metadata} is the {@code extra_data} column (both spellings of contracts
 * §4.10), {@code outcome} the delivery and measurement keys, {@code null} until an outcome is known.
 */
public record InterventionRecord(
        UUID id,
        String sessionId,
        String eventId,
        Instant timestamp,
        InterventionType type,
        @Nullable Double confidence,
        String reasoning,
        InterventionStatus status,
        @Nullable UUID decisionId,
        Map<String, @Nullable Object> metadata,
        @Nullable Map<String, @Nullable Object> outcome) {

    public InterventionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(status, "status");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        outcome = outcome == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(outcome));
    }

    /** The same record with another status and outcome. */
    public InterventionRecord with(InterventionStatus newStatus, @Nullable Map<String, @Nullable Object> newOutcome) {
        return new InterventionRecord(
                id,
                sessionId,
                eventId,
                timestamp,
                type,
                confidence,
                reasoning,
                newStatus,
                decisionId,
                metadata,
                newOutcome);
    }

    /** The measured success ({@code outcome.success}), when measured. */
    public Optional<Boolean> measuredSuccess() {
        return outcome == null || !(outcome.get("success") instanceof Boolean b) ? Optional.empty() : Optional.of(b);
    }

    /**
     * The history item of contracts §4.10: {@code id, session_id, event_id, timestamp, type, confidence, reasoning,
     * status, decision_id, metadata, outcome}.
     */
    public Map<String, @Nullable Object> toItem() {
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("id", id.toString());
        item.put("session_id", sessionId);
        item.put("event_id", eventId);
        item.put("timestamp", Timestamps.format(timestamp));
        item.put("type", type.name());
        item.put("confidence", confidence);
        item.put("reasoning", reasoning);
        item.put("status", status.name());
        item.put("decision_id", decisionId == null ? null : decisionId.toString());
        item.put("metadata", metadata);
        item.put("outcome", outcome);
        return item;
    }
}

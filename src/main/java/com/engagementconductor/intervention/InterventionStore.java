package com.engagementconductor.intervention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The {@code interventions} table. Every method joins the caller's transaction when there is one. */
public interface InterventionStore {

    void insert(InterventionRecord record);

    Optional<InterventionRecord> find(UUID id);

    /** The id of the intervention that executed a decision, if any. */
    Optional<UUID> idForDecision(UUID decisionId);

    /** Reads the record and locks its row until the surrounding transaction ends (call it inside one). */
    Optional<InterventionRecord> findForUpdate(UUID id);

    /** Replaces status and outcome; returns false when there is no such record. */
    boolean updateOutcome(UUID id, InterventionStatus status, @Nullable Map<String, @Nullable Object> outcome);

    /** Replaces the metadata ({@code extra_data}); returns false when there is no such record. */
    boolean updateMetadata(UUID id, Map<String, @Nullable Object> metadata);

    long countForSession(String sessionId);

    /** A session's records, newest first. */
    List<InterventionRecord> forSession(String sessionId, int limit, int offset);

    long countForEvent(String eventId, Instant since);

    /** An event's records at or after {@code since}, newest first. */
    List<InterventionRecord> forEvent(String eventId, Instant since, int limit);

    /** Records still {@code DISPATCHED} that were dispatched at or after {@code since}, oldest first. */
    List<InterventionRecord> dispatchedSince(Instant since, int limit);
}

package com.engagementconductor.intervention;

import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.InvalidInput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intervention lifecycle: dispatch (record and command in one transaction), poll results, reward measurements,
 * and the read side of the REST history and statistics (contracts §4.10–§4.12). Outcome reports are recorded by the
 * module itself and announced as {@link InterventionExecuted}.
 */
@Service
public class Interventions {
    private static final Logger log = LoggerFactory.getLogger(Interventions.class);
    private final InterventionStore store;
    private final Outbox outbox;
    private final OutcomeRecorder outcomes;
    private final InterventionSettings settings;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    private final InterventionMetrics metrics;

    Interventions(
            InterventionStore store,
            Outbox outbox,
            OutcomeRecorder outcomes,
            InterventionSettings settings,
            JsonMapper json,
            PlatformTransactionManager transactions,
            InterventionMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.settings = settings;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Writes the record (status {@code DISPATCHED}) and its command's outbox row in one transaction and returns; the
     * relay publishes the command on {@code agent.interventions.v1} (builtin executor) or {@code agent.interventions}
     * (platform) after commit. Inside a caller's transaction it joins it. While the database is unavailable the
     * command is published at once and the record waits in memory (contracts §9).
     *
     * @throws StoreUnavailable when the database is unavailable and the in-memory queue is full
     * @throws org.springframework.dao.DuplicateKeyException when the intervention or its decision was dispatched before
     */
    public InterventionRecord dispatch(InterventionCommand command) {
        InterventionRecord record = record(command);
        String payload = json.writeValueAsString(CommandPayloads.command(command));
        outbox.store(
                () -> store.insert(record),
                List.of(new Outbox.Message(settings.executorKind().commandTopic(), payload)));
        afterCommit(() -> outcomes.expect(record.id(), record.timestamp()));
        dispatched(record);
        return record;
    }

    private void dispatched(InterventionRecord record) {
        metrics.entered(record.type(), InterventionStatus.DISPATCHED);
        log.atInfo()
                .addKeyValue("session_id", record.sessionId())
                .addKeyValue("intervention_id", record.id())
                .addKeyValue("decision_id", record.decisionId())
                .addKeyValue("intervention_type", record.type())
                .log("intervention {} dispatched: {}", record.id(), record.type());
    }

    private static InterventionRecord record(InterventionCommand command) {
        return new InterventionRecord(
                command.interventionId(),
                command.sessionId(),
                command.eventId(),
                command.timestamp(),
                command.type(),
                command.confidence(),
                command.reasoning(),
                InterventionStatus.DISPATCHED,
                command.decisionId(),
                RecordMetadata.of(command),
                null);
    }

    /**
     * {@link #dispatch} without waiting for the write: the record writer stores the record and its command after
     * everything submitted before (the decision it executes) and then publishes the command (behaviour R5.11). The
     * outcome deadline starts now. A record the database refuses is logged and counted; its command is not sent.
     *
     * @throws StoreUnavailable when the record writer's queue is full
     */
    public InterventionRecord dispatchLater(InterventionCommand command) {
        InterventionRecord record = record(command);
        String payload = json.writeValueAsString(CommandPayloads.command(command));
        outbox.submit(
                () -> store.insert(record),
                List.of(new Outbox.Message(settings.executorKind().commandTopic(), payload)));
        outcomes.expect(record.id(), record.timestamp());
        dispatched(record);
        return record;
    }

    /** The topic commands go to with the configured executor. */
    public String commandTopic() {
        return settings.executorKind().commandTopic();
    }

    /**
     * Stores a closed poll's final results as {@code metadata.poll_results}; returns false for an unknown
     * intervention.
     */
    public boolean recordPollResults(UUID interventionId, Map<String, ?> results) {
        return Boolean.TRUE.equals(tx.execute(s -> store.findForUpdate(interventionId)
                .map(r -> {
                    Map<String, @Nullable Object> metadata = new LinkedHashMap<>(r.metadata());
                    metadata.put("poll_results", results);
                    return store.updateMetadata(interventionId, metadata);
                })
                .orElse(false)));
    }

    /**
     * Merges the measurement keys ({@code success}, {@code engagement_before}/{@code pre_engagement},
     * {@code engagement_after}/{@code post_engagement}, {@code engagement_delta}, {@code reward}, {@code uplift},
     * {@code holdout_mean}, {@code confounded}, {@code measured_at}) into the outcome without touching the delivery
     * keys, and sets the status (behaviour R7.4, D39). Joins the caller's transaction, so the agent can append
     * {@code agent.reward.measured} to the outbox with it.
     *
     * @param status {@code MEASURED} or {@code MEASUREMENT_INCOMPLETE}
     * @return false for an unknown intervention
     * @throws IllegalArgumentException for another status or a key that is not a measurement key
     */
    public boolean recordMeasurement(UUID interventionId, Map<String, ?> measurement, InterventionStatus status) {
        if (status != InterventionStatus.MEASURED && status != InterventionStatus.MEASUREMENT_INCOMPLETE) {
            throw new IllegalArgumentException("a measurement sets MEASURED or MEASUREMENT_INCOMPLETE, not " + status);
        }
        OutcomeKeys.mergeMeasurement(null, measurement);
        InterventionType[] type = new InterventionType[1];
        boolean found = Boolean.TRUE.equals(tx.execute(s -> store.findForUpdate(interventionId)
                .map(r -> {
                    type[0] = r.type();
                    return store.updateOutcome(
                            interventionId, status, OutcomeKeys.mergeMeasurement(r.outcome(), measurement));
                })
                .orElse(false)));
        if (found && type[0] != null) {
            metrics.entered(type[0], status);
        }
        return found;
    }

    public Optional<InterventionRecord> find(UUID interventionId) {
        return store.find(interventionId);
    }

    /** The id of the intervention that executed a decision, if it was executed. */
    public Optional<UUID> forDecision(UUID decisionId) {
        return store.idForDecision(decisionId);
    }

    /**
     * A session's interventions, newest first (contracts §4.10).
     *
     * @throws InvalidInput for {@code limit} outside 1..200 or a negative {@code offset}
     */
    public InterventionPage history(String sessionId, int limit, int offset) {
        requireRange("limit", limit, 1, 200);
        requireRange("offset", offset, 0, Integer.MAX_VALUE);
        return new InterventionPage(store.countForSession(sessionId), store.forSession(sessionId, limit, offset));
    }

    /**
     * An event's interventions dispatched at or after {@code since}, newest first, across its sessions (contracts
     * §4.11); {@code total} counts the event's interventions in the window.
     *
     * @throws InvalidInput for {@code limit} outside 1..500
     */
    public InterventionPage historyForEvent(String eventId, Instant since, int limit) {
        requireRange("limit", limit, 1, 500);
        return new InterventionPage(store.countForEvent(eventId, since), store.forEvent(eventId, since, limit));
    }

    /** Every intervention of a session, oldest first (the session export, contracts §4.15). */
    public List<InterventionRecord> allForSession(String sessionId) {
        List<InterventionRecord> oldestFirst =
                new java.util.ArrayList<>(store.forSession(sessionId, Integer.MAX_VALUE, 0));
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** A session's statistics (contracts §4.12). */
    public InterventionStats stats(String sessionId) {
        return InterventionStats.of(sessionId, store.forSession(sessionId, Integer.MAX_VALUE, 0));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw InvalidInput.of(
                    field,
                    max == Integer.MAX_VALUE
                            ? "must be >= " + min + ": " + value
                            : "must be " + min + ".." + max + ": " + value);
        }
    }
}

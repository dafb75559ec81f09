package com.engagementconductor.intervention;

import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.SequenceNumbers;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records delivery outcomes (contracts §8.3): the first report on {@code platform.agent.intervention-outcomes.v1}
 * within the timeout (30 s) after dispatch, whichever executor sent it, or {@code UNCONFIRMED} when none came. Either
 * way it announces {@code agent.intervention.executed} once through the outbox and publishes
 * {@link InterventionExecuted}. Later reports are ignored. Works on its own thread ({@code conductor-outcomes}).
 */
@Component
class OutcomeRecorder implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);
    /** How long a report or a timeout is retried when its record cannot be found or written (database outage). */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private static final class Pending {
        final Instant deadline;

        @Nullable
        OutcomeReport report;

        Pending(Instant deadline) {
            this.deadline = deadline;
        }
    }

    private final InterventionStore store;
    private final Outbox outbox;
    private final EventBus bus;
    private final SequenceNumbers sequence;
    private final InstantSource clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final InterventionSettings settings;
    private final TransactionTemplate tx;
    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private EventBus.Subscription subscription = () -> {};
    private volatile boolean running;

    private final InterventionMetrics metrics;

    OutcomeRecorder(
            InterventionStore store,
            Outbox outbox,
            EventBus bus,
            SequenceNumbers sequence,
            InstantSource clock,
            JsonMapper json,
            ApplicationEventPublisher events,
            InterventionSettings settings,
            PlatformTransactionManager transactions,
            InterventionMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.outbox = outbox;
        this.bus = bus;
        this.sequence = sequence;
        this.clock = clock;
        this.json = json;
        this.events = events;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Starts waiting for the outcome of an intervention dispatched at {@code dispatchedAt}. */
    void expect(UUID interventionId, Instant dispatchedAt) {
        pending.putIfAbsent(interventionId, new Pending(dispatchedAt.plus(settings.outcomeTimeout())));
    }

    /** How many interventions wait for an outcome here. */
    int waiting() {
        return pending.size();
    }

    void onMessage(String topic, String payload) {
        Optional<OutcomeReport> report = OutcomeReport.parse(json, payload, clock.instant());
        report.ifPresent(r -> worker.execute(() -> receive(r)));
    }

    /** Takes a report: the first for an intervention within its deadline is recorded, any other is ignored. */
    synchronized void receive(OutcomeReport report) {
        UUID id = report.interventionId();
        Pending p = pending.get(id);
        if (p == null) {
            Optional<InterventionRecord> stored;
            try {
                stored = store.find(id);
            } catch (RuntimeException e) {
                log.warn("outcome for {} not recorded: {}", id, e.toString());
                return;
            }
            if (stored.isEmpty()) {
                log.debug("outcome for unknown intervention {} ignored", id);
                return;
            }
            if (stored.get().status() != InterventionStatus.DISPATCHED) {
                log.info(
                        "later outcome for intervention {} ignored (already {})",
                        id,
                        stored.get().status());
                return;
            }
            p = new Pending(stored.get().timestamp().plus(settings.outcomeTimeout()));
            pending.put(id, p);
        }
        if (p.report != null) {
            log.info("later outcome for intervention {} ignored (the first one counts)", id);
            return;
        }
        if (report.arrivedAt().isAfter(p.deadline)) {
            log.info("outcome for intervention {} came after {} and is ignored", id, settings.outcomeTimeout());
            return;
        }
        p.report = report;
        record(id, p, report.arrivedAt());
    }

    /** Records reports still waiting for the database and marks interventions past their deadline UNCONFIRMED. */
    synchronized void settle(Instant now) {
        for (Map.Entry<UUID, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (p.report != null || now.isAfter(p.deadline)) {
                record(e.getKey(), p, now);
            }
        }
    }

    private void record(UUID id, Pending p, Instant now) {
        OutcomeReport r = p.report;
        boolean delivered = r != null && r.success();
        String error = r == null ? InterventionExecuted.UNCONFIRMED : r.error();
        Instant executedAt = r == null ? now : r.timestamp() != null ? r.timestamp() : r.arrivedAt();
        InterventionStatus status = r == null
                ? InterventionStatus.UNCONFIRMED
                : delivered ? InterventionStatus.EXECUTED : InterventionStatus.FAILED;
        try {
            InterventionExecuted[] announced = new InterventionExecuted[1];
            Boolean found = tx.execute(s -> {
                Optional<InterventionRecord> locked = store.findForUpdate(id);
                if (locked.isEmpty()) {
                    return false;
                }
                InterventionRecord rec = locked.get();
                if (rec.status() == InterventionStatus.DISPATCHED) {
                    Map<String, @Nullable Object> outcome = OutcomeKeys.mergeDelivery(
                            rec.outcome(),
                            delivered,
                            error,
                            r == null ? null : executedAt,
                            r == null ? null : r.result());
                    store.updateOutcome(id, status, outcome);
                    outbox.append(
                            Topics.sessionEvents(rec.sessionId()),
                            envelope(rec, delivered, r == null ? null : r.result()));
                    announced[0] = new InterventionExecuted(
                            id,
                            rec.decisionId(),
                            rec.sessionId(),
                            rec.eventId(),
                            rec.type(),
                            delivered,
                            executedAt,
                            error);
                } else if (r != null) {
                    log.info("outcome for intervention {} ignored (already {})", id, rec.status());
                }
                return true;
            });
            if (Boolean.TRUE.equals(found) || now.isAfter(p.deadline.plus(GIVE_UP_AFTER))) {
                pending.remove(id);
            }
            if (announced[0] != null) {
                metrics.entered(announced[0].type(), status);
                announce(announced[0]);
            }
        } catch (RuntimeException e) {
            if (TransactionalOutbox.unavailable(e)) {
                log.debug("outcome of intervention {} waits for the database: {}", id, e.toString());
            } else {
                log.warn("outcome of intervention {} not recorded yet: {}", id, e.toString());
            }
            if (now.isAfter(p.deadline.plus(GIVE_UP_AFTER))) {
                pending.remove(id);
            }
        }
    }

    /**
     * Published after commit, outside any transaction, on this thread: listeners see the updated record. Use a plain
     * {@code @EventListener} (a {@code @TransactionalEventListener} without {@code fallbackExecution} would not fire).
     */
    private void announce(InterventionExecuted event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("a listener of InterventionExecuted failed: {}", e.toString());
        }
    }

    /** {@code agent.intervention.executed} on {@code session:{id}:events} (contracts §8.1). */
    private String envelope(InterventionRecord rec, boolean success, @Nullable Object result) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("intervention_id", rec.id().toString());
        data.put("intervention_type", rec.type().name());
        data.put("success", success);
        data.put("result", result);
        data.put(
                "decision_id",
                rec.decisionId() == null ? null : rec.decisionId().toString());
        data.put("sessionId", rec.sessionId());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "agent.intervention.executed");
        envelope.put("session_id", rec.sessionId());
        envelope.put("timestamp", Timestamps.format(clock.instant()));
        envelope.put("seq", sequence.next(rec.sessionId()));
        envelope.put("data", data);
        return json.writeValueAsString(envelope);
    }

    private void settleSafely() {
        try {
            settle(clock.instant());
        } catch (RuntimeException e) {
            log.warn("outcome recorder: {}", e.toString());
        }
    }

    private void resume() {
        try {
            Instant since = clock.instant().minus(settings.outcomeTimeout()).minus(GIVE_UP_AFTER);
            for (InterventionRecord r : store.dispatchedSince(since, 10_000)) {
                expect(r.id(), r.timestamp());
            }
        } catch (RuntimeException e) {
            log.warn("cannot resume waiting for outcomes of dispatched interventions: {}", e.toString());
        }
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "conductor-outcomes");
            t.setDaemon(true);
            return t;
        });
        worker.execute(this::resume);
        worker.scheduleWithFixedDelay(this::settleSafely, 500, 500, TimeUnit.MILLISECONDS);
        subscription = bus.subscribe(InterventionTopics.OUTCOMES, this::onMessage);
        running = true;
    }

    @Override
    public void stop() {
        subscription.close();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package com.engagementconductor.agent;

import com.engagementconductor.intervention.Outbox;
import com.engagementconductor.shared.InterventionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores decisions and their resolutions together with the messages that announce them (the outbox), so a
 * decision is stored (or queued for storage) before it is published.
 */
@Component
class DecisionRecords {
    private static final Logger log = LoggerFactory.getLogger(DecisionRecords.class);
    private final DecisionStore store;
    private final Outbox outbox;
    private final AgentMessages messages;
    private final AgentMetrics metrics;
    private final JsonMapper json;

    DecisionRecords(DecisionStore store, Outbox outbox, AgentMessages messages, AgentMetrics metrics, JsonMapper json) {
        this.store = store;
        this.outbox = outbox;
        this.messages = messages;
        this.metrics = metrics;
        this.json = json;
    }

    /**
     * Stores a decision's content preview once its content exists and, when the decision was published, publishes
     * {@code agent.decision} again for the same {@code decisionId} with {@code contentPreview} filled (contracts §8.1);
     * the lane does not wait.
     */
    void contentReady(Decision d, @Nullable Map<String, Object> payload, Instant at) {
        UUID id = d.id();
        String preview = json.writeValueAsString(d.content());
        List<Outbox.Message> out = payload == null ? List.of() : List.of(messages.decision(payload, d.sessionId(), at));
        outbox.submit(() -> store.content(id, preview), out);
    }

    /**
     * Hands a new decision to the record writer, which stores it and then publishes {@code agent.decision}, and its
     * resolution when it was born resolved; the lane does not wait (R5.11).
     */
    void created(Decision d, Map<String, Object> payload) {
        List<Outbox.Message> out = new ArrayList<>();
        out.add(messages.decision(payload, d.sessionId(), d.createdAt()));
        if (d.resolution() == Resolution.HOLDOUT || d.resolution() == Resolution.AUTO_APPROVED) {
            out.add(messages.resolved(
                    d.sessionId(),
                    d.id().toString(),
                    d.resolution(),
                    d.holdout() ? "system" : null,
                    d.createdAt(),
                    null));
        }
        Decision born = d.snapshot();
        metrics.decided(born);
        log.atInfo()
                .addKeyValue("session_id", born.sessionId())
                .addKeyValue("decision_id", born.id())
                .addKeyValue("intervention_type", born.type())
                .addKeyValue("state", born.resolution())
                .log("decision {} made: {} {}", born.id(), born.type(), born.resolution());
        outbox.submit(() -> store.insert(born), out);
    }

    /**
     * Resolves a pending decision for the system (expiry, supersession, cancellation) without waiting: the record
     * writer updates it after its insert and publishes the resolution; when another resolver won, nothing is
     * published.
     */
    void resolveLater(Decision d, Resolution to, Instant at, @Nullable String by, @Nullable String reason) {
        resolveLater(d, to, at, by, reason, () -> {});
    }

    /** {@link #resolveLater}, running {@code alsoWrite} in the same transaction when this resolver won. */
    void resolveLater(
            Decision d, Resolution to, Instant at, @Nullable String by, @Nullable String reason, Runnable alsoWrite) {
        UUID id = d.id();
        InterventionType type = d.type();
        resolving(d, to, by);
        Duration since = Duration.between(d.createdAt(), at);
        outbox.submit(
                () -> {
                    if (!store.resolve(id, to, at, by, reason)) {
                        throw new LostRace();
                    }
                    alsoWrite.run();
                    metrics.resolved(type, to, since, false);
                },
                List.of(messages.resolved(d.sessionId(), id.toString(), to, by, at, reason)));
    }

    /**
     * Resolves a pending decision in the store and publishes the resolution, waiting for the write (an organizer's
     * approval or rejection answers with the result); false when another resolver won.
     */
    boolean resolve(Decision d, Resolution to, Instant at, @Nullable String by, @Nullable String reason) {
        try {
            outbox.store(
                    () -> {
                        if (!store.resolve(d.id(), to, at, by, reason)) {
                            throw new LostRace();
                        }
                    },
                    List.of(messages.resolved(d.sessionId(), d.id().toString(), to, by, at, reason)));
            metrics.resolved(d.type(), to, Duration.between(d.createdAt(), at), !"system".equals(by));
            resolving(d, to, by);
            return true;
        } catch (LostRace e) {
            return false;
        }
    }

    private static void resolving(Decision d, Resolution to, @Nullable String by) {
        log.atInfo()
                .addKeyValue("session_id", d.sessionId())
                .addKeyValue("decision_id", d.id())
                .addKeyValue("state", to)
                .log("decision {} resolved {} by {}", d.id(), to, by == null ? "system" : by);
    }

    /** Another resolver changed the stored decision first; the transaction rolls back and nothing is published. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace() {
            super("decision already resolved", null, false, false);
        }
    }
}

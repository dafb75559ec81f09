package com.engagementconductor.agent;

import com.engagementconductor.intervention.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores decisions and their resolutions together with the messages that announce them (the outbox), so a
 * decision is stored (or queued for storage) before it is published.
 */
@Component
class DecisionRecords {
    private final DecisionStore store;
    private final Outbox outbox;
    private final AgentMessages messages;
    private final JsonMapper json;

    DecisionRecords(DecisionStore store, Outbox outbox, AgentMessages messages, JsonMapper json) {
        this.store = store;
        this.outbox = outbox;
        this.messages = messages;
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
        outbox.submit(
                () -> {
                    if (!store.resolve(id, to, at, by, reason)) {
                        throw new LostRace();
                    }
                    alsoWrite.run();
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
            return true;
        } catch (LostRace e) {
            return false;
        }
    }

    /** Another resolver changed the stored decision first; the transaction rolls back and nothing is published. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace() {
            super("decision already resolved", null, false, false);
        }
    }
}

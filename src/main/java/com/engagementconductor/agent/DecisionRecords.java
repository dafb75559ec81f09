package com.engagementconductor.agent;

import com.engagementconductor.intervention.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stores decisions and their resolutions together with the messages that announce them (the outbox), so a
 * decision is stored (or queued for storage) before it is published.
 */
@Component
class DecisionRecords {
    private final DecisionStore store;
    private final Outbox outbox;
    private final AgentMessages messages;

    DecisionRecords(DecisionStore store, Outbox outbox, AgentMessages messages) {
        this.store = store;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Stores a new decision and publishes {@code agent.decision}, then its resolution when it was born resolved. */
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
        outbox.store(() -> store.insert(d), out);
    }

    /**
     * Resolves a pending decision in the store and publishes the resolution; false when another resolver won.
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

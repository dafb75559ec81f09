package com.engagementconductor.agent;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The content of decisions not yet executed, so an approval executes what the organizer saw; and, while a model is
 * still generating it, whether the decision is to execute as soon as it exists (an approval or an auto-approval that
 * came first). Used on the session's lane.
 */
@Component
class PendingContents {

    /** One decision's content, or its generation in progress. */
    static final class Slot {
        @Nullable
        Produced produced;

        boolean executeWhenReady;
        /** The published {@code decision} object, republished with its {@code contentPreview} once content exists. */
        final @Nullable Map<String, Object> payload;

        Slot(@Nullable Produced produced, @Nullable Map<String, Object> payload) {
            this.produced = produced;
            this.payload = payload;
        }
    }

    private final ConcurrentHashMap<UUID, Slot> slots = new ConcurrentHashMap<>();

    void put(UUID decisionId, Produced produced) {
        slots.put(decisionId, new Slot(produced, null));
    }

    /** The decision's content is being generated. */
    void generating(UUID decisionId, @Nullable Map<String, Object> payload) {
        slots.put(decisionId, new Slot(null, payload));
    }

    boolean isGenerating(UUID decisionId) {
        Slot slot = slots.get(decisionId);
        return slot != null && slot.produced == null;
    }

    /** Ready content, removed; empty while it is still being generated or when there is none. */
    Optional<Produced> take(UUID decisionId) {
        Slot slot = slots.get(decisionId);
        if (slot == null || slot.produced == null) {
            return Optional.empty();
        }
        slots.remove(decisionId);
        return Optional.of(slot.produced);
    }

    /** Marks a decision whose content is still being generated to execute once it exists. */
    void executeWhenReady(UUID decisionId) {
        Slot slot = slots.get(decisionId);
        if (slot != null) {
            slot.executeWhenReady = true;
        }
    }

    /** Stores generated content; empty when the decision was resolved (and its slot removed) meanwhile. */
    Optional<Slot> arrived(UUID decisionId, Produced produced) {
        Slot slot = slots.get(decisionId);
        if (slot == null || slot.produced != null) {
            return Optional.empty();
        }
        slot.produced = produced;
        return Optional.of(slot);
    }

    void remove(UUID decisionId) {
        slots.remove(decisionId);
    }
}

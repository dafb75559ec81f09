package com.engagementconductor.intervention;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Records the {@link InterventionExecuted} events of the context. */
public final class ExecutedEvents {
    private final List<InterventionExecuted> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(InterventionExecuted event) {
        events.add(event);
    }

    public List<InterventionExecuted> of(UUID interventionId) {
        return events.stream()
                .filter(e -> e.interventionId().equals(interventionId))
                .toList();
    }
}

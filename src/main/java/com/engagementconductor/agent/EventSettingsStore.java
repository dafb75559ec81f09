package com.engagementconductor.agent;

import java.util.Optional;

/** Persistence of {@code event_agent_settings}. */
public interface EventSettingsStore {

    Optional<EventSettings> find(String eventId);

    /** Inserts or replaces the row; returns it as stored (with its timestamps). */
    EventSettings save(EventSettings settings);
}

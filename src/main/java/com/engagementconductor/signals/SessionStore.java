package com.engagementconductor.signals;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Persistence of sessions (the {@code sessions} table). */
public interface SessionStore {

    Optional<SessionInfo> find(String id);

    void insert(SessionInfo session);

    void update(SessionInfo session);

    /** The organization and default mode of an event's settings row, if one exists. */
    Optional<EventOwnership> eventSettings(String eventId);

    /** A page of sessions, newest first, and the total matching. */
    Page list(
            @Nullable String orgId,
            boolean allOrgs,
            @Nullable String eventId,
            @Nullable Boolean active,
            int limit,
            int offset);

    /** The organization of any claimed session of an event. */
    Optional<String> orgOfEvent(String eventId);

    /** Gives every unclaimed session of an event to an organization; returns how many changed. */
    int claimEvent(String eventId, String orgId);

    /** Sessions not ended (for resuming after a restart). */
    List<SessionInfo> unended();

    /** What an event's settings row says about new sessions. */
    record EventOwnership(@Nullable String orgId, String agentMode) {}

    /** One page of a listing. */
    record Page(long total, List<SessionInfo> sessions) {}
}

package com.engagementconductor.signals;

import java.time.Instant;

/** Lifecycle events of sessions, published in-process. */
public final class SessionEvents {
    private SessionEvents() {}

    /** A session became known (registered, or discovered from traffic). */
    public record SessionRegistered(String sessionId, String eventId, Instant at) {}

    /** A session was unregistered (contracts §4.4); its agent stops. */
    public record SessionEnded(String sessionId, Instant at) {}

    /** A session's agent mode was set (contracts §4.1); its agent republishes its status with the mode. */
    public record SessionModeChanged(String sessionId, String mode, Instant at) {}

    /** A session stopped being live and its in-memory state was released (R1.10, D44). */
    public record SessionReleased(String sessionId, Instant at) {}
}

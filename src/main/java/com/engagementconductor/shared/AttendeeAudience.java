package com.engagementconductor.shared;

/**
 * Who sees a session's attendee-room events (contracts §7.5): implemented by gateways (attendee sockets in the
 * room) and simulations (connected simulated attendees). The built-in executor sums every bean to report
 * {@code delivered_to}; a sum of 0 makes an attendee-facing intervention fail with {@code no_audience}.
 */
public interface AttendeeAudience {

    /** How many attendees of the session this source reaches right now; 0 when none, never negative. Must not block. */
    int reachable(String sessionId);
}

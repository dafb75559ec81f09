package com.engagementconductor.realtime;

import com.engagementconductor.shared.auth.Caller;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway keeps per socket: the caller of its token, the sessions it watches, its subscribe bucket
 * (contracts §7.2) and the timer that ends it at the token's expiry. Guarded by its own monitor: a socket's
 * packets may arrive on several event loops (polling requests).
 */
final class SocketConnection {
    final Caller caller;
    private final Set<String> sessions = new LinkedHashSet<>();
    private final Set<String> attending = new LinkedHashSet<>();
    private double tokens = -1;
    private @Nullable Instant refilled;
    private @Nullable ScheduledFuture<?> expiry;
    private boolean closed;

    SocketConnection(Caller caller) {
        this.caller = caller;
    }

    /** When the socket's token stops being valid: its expiry plus the leeway (never, for no expiry). */
    Instant endsAt(java.time.Duration leeway) {
        Instant exp = caller.expiresAt();
        return exp.isAfter(Instant.MAX.minus(leeway)) ? Instant.MAX : exp.plus(leeway);
    }

    synchronized boolean watches(String sessionId) {
        return sessions.contains(sessionId);
    }

    synchronized Set<String> sessions() {
        return Set.copyOf(sessions);
    }

    /** Adds a session; false when the socket is closed (then nothing was added). */
    synchronized boolean add(String sessionId) {
        if (closed) {
            return false;
        }
        sessions.add(sessionId);
        return true;
    }

    synchronized boolean remove(String sessionId) {
        return sessions.remove(sessionId);
    }

    synchronized int watching() {
        return sessions.size();
    }

    /** Joins a session's attendee room; false when already joined or closed. */
    synchronized boolean attend(String sessionId) {
        return !closed && attending.add(sessionId);
    }

    synchronized boolean unattend(String sessionId) {
        return attending.remove(sessionId);
    }

    synchronized boolean attends(String sessionId) {
        return attending.contains(sessionId);
    }

    /** Marks the socket closed for attendee rooms and returns the sessions it had joined. */
    synchronized Set<String> closeAttending() {
        closed = true;
        Set<String> joined = Set.copyOf(attending);
        attending.clear();
        return joined;
    }

    /** Takes one subscribe call from the bucket ({@code burst} tokens, {@code perSecond} refill). */
    synchronized boolean take(Instant now, int burst, int perSecond) {
        if (refilled == null) {
            tokens = burst;
        } else {
            double seconds = Math.max(0, (now.toEpochMilli() - refilled.toEpochMilli()) / 1000.0);
            tokens = Math.min(burst, tokens + seconds * perSecond);
        }
        refilled = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    synchronized void expiry(ScheduledFuture<?> timer) {
        if (closed) {
            timer.cancel(false);
        } else {
            expiry = timer;
        }
    }

    /** Marks the socket closed and returns the sessions it watched. */
    synchronized Set<String> close() {
        closed = true;
        if (expiry != null) {
            expiry.cancel(false);
        }
        Set<String> watched = Set.copyOf(sessions);
        sessions.clear();
        return watched;
    }
}

package com.engagementconductor.signals;

import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory state of one live session: its window, confined to the session's lane, and a lock-free inbox
 * that ingestion threads append to and the lane drains.
 */
public final class LiveSession {
    private final String sessionId;
    private final SessionWindow window;
    private final ConcurrentLinkedQueue<Signal> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile Instant lastActivity;

    LiveSession(String sessionId, Instant observationStart) {
        this.sessionId = sessionId;
        this.window = new SessionWindow(observationStart);
        this.lastActivity = observationStart;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Time of the last signal (or the start of observation). */
    public Instant lastActivity() {
        return lastActivity;
    }

    /** Appends a signal from any thread; returns the number now waiting. */
    int offer(Signal signal) {
        inbox.add(signal);
        if (signal.timestamp().isAfter(lastActivity)) {
            lastActivity = signal.timestamp();
        }
        return queued.incrementAndGet();
    }

    /** Applies waiting signals to the window. Lane only. */
    void drain() {
        Signal s;
        while ((s = inbox.poll()) != null) {
            queued.decrementAndGet();
            window.record(s);
        }
    }

    /** The window, after draining the inbox. Lane only. */
    public SessionWindow window() {
        drain();
        return window;
    }
}

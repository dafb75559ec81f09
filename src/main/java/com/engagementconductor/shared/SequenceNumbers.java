package com.engagementconductor.shared;

/** The per-session {@code seq} counter stamped on every event for dashboards (contracts §8.1). */
public interface SequenceNumbers {

    /** The next value for a session: strictly increasing, gaps allowed. */
    long next(String sessionId);

    /** The current value without advancing it (0 when none was issued). */
    long current(String sessionId);

    /** Forgets a session's counter when its state is released. */
    void release(String sessionId);
}

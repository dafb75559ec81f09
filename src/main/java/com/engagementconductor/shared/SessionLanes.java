package com.engagementconductor.shared;

/**
 * Serial execution per session: tasks submitted for one session run one at a time, in order, so a session's
 * state needs no locks (architecture §4).
 */
public interface SessionLanes {

    /** Runs the task on the session's lane. */
    void execute(String sessionId, Runnable task);
}

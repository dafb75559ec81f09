package com.engagementconductor.signals;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * After a restart, sessions that were not ended are observed again from now (R1.11: windows start empty and
 * their first minute is partial; a session nobody attends stops being live after 30 minutes). This happens
 * before the web server and the socket gateway accept requests, so an approval sent as soon as the node answers
 * finds its session live.
 */
@Component
class SessionResumption implements SmartLifecycle {
    private final Sessions sessions;
    private final LiveSessions live;
    private volatile boolean running;

    SessionResumption(Sessions sessions, LiveSessions live) {
        this.sessions = sessions;
        this.live = live;
    }

    void resume() {
        for (SessionInfo s : sessions.unended()) {
            live.activate(s.id());
        }
    }

    @Override
    public void start() {
        resume();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server ({@code DEFAULT_PHASE - 1024}) starts. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}

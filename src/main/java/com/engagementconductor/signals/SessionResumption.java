package com.engagementconductor.signals;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a restart, sessions that were not ended are observed again from now (R1.11: windows start empty and
 * their first minute is partial; a session nobody attends stops being live after 30 minutes).
 */
@Component
class SessionResumption {
    private final Sessions sessions;
    private final LiveSessions live;

    SessionResumption(Sessions sessions, LiveSessions live) {
        this.sessions = sessions;
        this.live = live;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        for (SessionInfo s : sessions.unended()) {
            live.activate(s.id());
        }
    }
}

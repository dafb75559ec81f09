package com.engagementconductor.signals;

import com.engagementconductor.shared.SessionLanes;
import com.engagementconductor.signals.SessionEvents.SessionEnded;
import com.engagementconductor.signals.SessionEvents.SessionRegistered;
import com.engagementconductor.signals.SessionEvents.SessionReleased;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sessions being observed on this node. A session becomes live at registration or at its first signal,
 * and stops being live when it ends or after 30 minutes with no event and no user (R1.10); its state is then
 * released.
 */
@Component
public class LiveSessions {
    private final ConcurrentHashMap<String, LiveSession> live = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final SessionLanes lanes;
    private final ApplicationEventPublisher events;

    LiveSessions(InstantSource clock, SessionLanes lanes, ApplicationEventPublisher events) {
        this.clock = clock;
        this.lanes = lanes;
        this.events = events;
    }

    public Optional<LiveSession> get(String sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    /** The live session, starting observation now if it was not live. */
    public LiveSession activate(String sessionId) {
        return activate(sessionId, clock.instant());
    }

    LiveSession activate(String sessionId, Instant observationStart) {
        return live.computeIfAbsent(sessionId, id -> new LiveSession(id, observationStart));
    }

    public List<String> ids() {
        return List.copyOf(live.keySet());
    }

    public int count() {
        return live.size();
    }

    /** Samples a session at tick time; returns empty when it is not live. Lane only. */
    public Optional<SignalsSnapshot> sample(String sessionId, Instant t) {
        LiveSession s = live.get(sessionId);
        return s == null ? Optional.empty() : Optional.of(s.window().sample(t));
    }

    /** Whether a live session has been idle long enough to stop being live (R1.10). Lane only. */
    public boolean idle(String sessionId, Instant t) {
        LiveSession s = live.get(sessionId);
        return s != null && s.window().idle(t);
    }

    /** Stops observing a session and releases its state. */
    public void release(String sessionId) {
        if (live.remove(sessionId) != null) {
            events.publishEvent(new SessionReleased(sessionId, clock.instant()));
        }
    }

    @EventListener
    void on(SessionRegistered registered) {
        activate(registered.sessionId(), registered.at());
    }

    @EventListener
    void on(SessionEnded ended) {
        lanes.execute(ended.sessionId(), () -> release(ended.sessionId()));
    }
}

package com.engagementconductor.scoring;

import com.engagementconductor.signals.SessionEvents.SessionReleased;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The last published score of each live session on this node. */
@Component
public class LatestScores {
    /** A session's last published score. */
    public record Latest(double score, Instant at) {}

    private final ConcurrentHashMap<String, Latest> latest = new ConcurrentHashMap<>();

    public Optional<Latest> latest(String sessionId) {
        return Optional.ofNullable(latest.get(sessionId));
    }

    @EventListener
    void on(EngagementScored e) {
        latest.put(e.sessionId(), new Latest(e.score().published(), e.at()));
    }

    @EventListener
    void on(SessionReleased released) {
        latest.remove(released.sessionId());
    }
}

package com.engagementconductor.signals;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last chat lines and questions of each session's attendees (contracts §7.3), kept in memory only (never
 * stored) for content prompts.
 */
@Component
public class AudienceLines {
    /** How many lines a session keeps. */
    public static final int KEPT = 50;

    /** One line: a chat message or a question. */
    public record Line(String userId, String text, Instant at, boolean question) {}

    private final Map<String, Deque<Line>> lines = new ConcurrentHashMap<>();

    public void add(String sessionId, Line line) {
        Deque<Line> deque = lines.computeIfAbsent(sessionId, id -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addLast(line);
            while (deque.size() > KEPT) {
                deque.removeFirst();
            }
        }
    }

    /** Up to {@code n} most recent lines, oldest first. */
    public List<Line> recent(String sessionId, int n) {
        Deque<Line> deque = lines.get(sessionId);
        if (deque == null) {
            return List.of();
        }
        synchronized (deque) {
            List<Line> all = List.copyOf(deque);
            return all.subList(Math.max(0, all.size() - n), all.size());
        }
    }

    /** Forgets a session's lines once its state is released. */
    @EventListener
    void on(SessionEvents.SessionReleased released) {
        lines.remove(released.sessionId());
    }
}

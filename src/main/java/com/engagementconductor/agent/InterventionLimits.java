package com.engagementconductor.agent;

import com.engagementconductor.shared.InterventionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The allowed arms, per-type cooldowns (R4.6) and rate limits (R5.10) of every session and event on this node.
 * Checking and consuming are one atomic step: {@link #tryConsume} either records an execution or says why not.
 * A slot is consumed only when a command is published.
 */
public final class InterventionLimits {
    static final Duration SHORT_WINDOW = Duration.ofSeconds(30);
    static final Duration LONG_WINDOW = Duration.ofSeconds(300);
    static final int LONG_WINDOW_MAX = 10;
    static final Duration EVENT_WINDOW = Duration.ofHours(1);

    /** Why an execution may not happen now, and when it could (null when waiting would not help). */
    public record Block(String reason, @Nullable Long retryAfterSeconds) {}

    private final Map<String, Deque<Instant>> sessionExecutions = new HashMap<>();
    private final Map<String, Deque<Instant>> eventExecutions = new HashMap<>();
    private final Map<String, EnumMap<InterventionType, Instant>> lastPublished = new HashMap<>();
    private final Map<String, Instant> challengeRunsUntil = new HashMap<>();

    /** The cooldown of a type (R4.6). */
    public static Duration cooldown(InterventionType type) {
        return switch (type) {
            case POLL -> Duration.ofSeconds(120);
            case BROADCAST -> Duration.ofSeconds(60);
            case NOTIFICATION -> Duration.ofSeconds(300);
            case GAMIFICATION -> Duration.ofSeconds(180);
        };
    }

    /** The arms of a session in cooldown at {@code now}. */
    public synchronized Set<InterventionType> inCooldown(String sessionId, Instant now) {
        EnumMap<InterventionType, Instant> last =
                lastPublished.getOrDefault(sessionId, new EnumMap<>(InterventionType.class));
        Set<InterventionType> out = java.util.EnumSet.noneOf(InterventionType.class);
        for (InterventionType t : InterventionType.values()) {
            if (cooldownLeft(sessionId, t, last, now) > 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether an execution of {@code type} would be allowed now, without consuming anything. */
    public synchronized Optional<Block> check(
            String sessionId,
            String eventId,
            InterventionType type,
            Set<InterventionType> allowed,
            int maxPerHour,
            Instant now) {
        if (!allowed.contains(type)) {
            return Optional.of(new Block("not_allowed", null));
        }
        EnumMap<InterventionType, Instant> last =
                lastPublished.getOrDefault(sessionId, new EnumMap<>(InterventionType.class));
        long cooldown = cooldownLeft(sessionId, type, last, now);
        if (cooldown > 0) {
            return Optional.of(new Block("cooldown", cooldown));
        }
        return rateBlock(sessionId, eventId, maxPerHour, now);
    }

    /** Whether one more execution right now would break a session or event limit (the read-only check of R5.4). */
    public synchronized Optional<Block> rateBlock(String sessionId, String eventId, int maxPerHour, Instant now) {
        Deque<Instant> session = prune(sessionExecutions, sessionId, now.minus(LONG_WINDOW));
        Instant lastSession = session.peekLast();
        if (lastSession != null && lastSession.isAfter(now.minus(SHORT_WINDOW))) {
            return Optional.of(
                    new Block("session_limit", ceilSeconds(Duration.between(now, lastSession.plus(SHORT_WINDOW)))));
        }
        if (session.size() >= LONG_WINDOW_MAX) {
            return Optional.of(new Block(
                    "session_limit",
                    ceilSeconds(Duration.between(now, session.peekFirst().plus(LONG_WINDOW)))));
        }
        Deque<Instant> event = prune(eventExecutions, eventId, now.minus(EVENT_WINDOW));
        if (event.size() >= maxPerHour) {
            Long retry = event.isEmpty()
                    ? null
                    : ceilSeconds(Duration.between(now, event.peekFirst().plus(EVENT_WINDOW)));
            return Optional.of(new Block("event_limit", retry));
        }
        return Optional.empty();
    }

    /**
     * Checks and, when allowed, records an execution published now: it takes a rate-limit slot and starts the
     * type's cooldown (and, for a challenge, blocks GAMIFICATION until {@code busyUntil}).
     */
    public synchronized Optional<Block> tryConsume(
            String sessionId,
            String eventId,
            InterventionType type,
            Set<InterventionType> allowed,
            int maxPerHour,
            Instant now,
            @Nullable Instant busyUntil) {
        Optional<Block> block = check(sessionId, eventId, type, allowed, maxPerHour, now);
        if (block.isPresent()) {
            return block;
        }
        record(sessionId, eventId, type, now, busyUntil);
        return Optional.empty();
    }

    /** Records an execution that already happened (used when rebuilding after a restart). */
    public synchronized void record(
            String sessionId, String eventId, InterventionType type, Instant at, @Nullable Instant busyUntil) {
        sessionExecutions.computeIfAbsent(sessionId, s -> new ArrayDeque<>()).addLast(at);
        eventExecutions.computeIfAbsent(eventId, e -> new ArrayDeque<>()).addLast(at);
        lastPublished
                .computeIfAbsent(sessionId, s -> new EnumMap<>(InterventionType.class))
                .merge(type, at, (a, b) -> a.isAfter(b) ? a : b);
        if (type == InterventionType.GAMIFICATION && busyUntil != null) {
            challengeRunsUntil.merge(sessionId, busyUntil, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Whether this node has recorded any execution of the session (if not, a restart may have lost them). */
    public synchronized boolean knows(String sessionId) {
        return sessionExecutions.containsKey(sessionId) || lastPublished.containsKey(sessionId);
    }

    /** Forgets a session's cooldowns and slots (its event's slots stay). */
    public synchronized void release(String sessionId) {
        sessionExecutions.remove(sessionId);
        lastPublished.remove(sessionId);
        challengeRunsUntil.remove(sessionId);
    }

    private long cooldownLeft(
            String sessionId, InterventionType type, Map<InterventionType, Instant> last, Instant now) {
        long left = 0;
        Instant at = last.get(type);
        if (at != null) {
            Instant until = at.plus(cooldown(type));
            if (until.isAfter(now)) {
                left = ceilSeconds(Duration.between(now, until));
            }
        }
        if (type == InterventionType.GAMIFICATION) {
            Instant busy = challengeRunsUntil.get(sessionId);
            if (busy != null && busy.isAfter(now)) {
                left = Math.max(left, ceilSeconds(Duration.between(now, busy)));
            }
        }
        return left;
    }

    private static Deque<Instant> prune(Map<String, Deque<Instant>> map, String key, Instant notAfter) {
        Deque<Instant> d = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!d.isEmpty() && !d.peekFirst().isAfter(notAfter)) {
            d.pollFirst();
        }
        return d;
    }

    private static long ceilSeconds(Duration d) {
        long ms = d.toMillis();
        return Math.max(1, (ms + 999) / 1000);
    }
}

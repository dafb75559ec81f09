package com.engagementconductor.signals;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decoded unit of audience activity for a session, whatever its source.
 *
 * @param eventId the event id the source named, if usable (R1.3)
 */
public record Signal(
        SignalType type,
        String sessionId,
        String userId,
        Instant timestamp,
        @Nullable String pollId,
        @Nullable String eventId) {

    public Signal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (type.needsPoll() && pollId == null) {
            throw new IllegalArgumentException("pollId is required for " + type.wireName());
        }
    }

    public static Signal of(SignalType type, String sessionId, String userId, Instant at) {
        return new Signal(type, sessionId, userId, at, null, null);
    }

    public static Signal poll(SignalType type, String sessionId, String userId, Instant at, String pollId) {
        return new Signal(type, sessionId, userId, at, pollId, null);
    }
}

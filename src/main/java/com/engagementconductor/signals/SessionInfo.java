package com.engagementconductor.signals;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A registered or discovered session: its event, its organization (null = unclaimed), and its lifecycle.
 *
 * @param eventProvisional the event id was derived, not given, and the first usable signal replaces it (R1.3)
 * @param metadata the registration's metadata object as JSON text, if any
 */
public record SessionInfo(
        String id,
        String eventId,
        @Nullable String orgId,
        @Nullable String title,
        @Nullable String topic,
        @Nullable String metadata,
        String mode,
        String status,
        boolean eventProvisional,
        Instant createdAt,
        @Nullable Instant endedAt) {

    public SessionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Registered (or discovered) and not ended. */
    public boolean active() {
        return endedAt == null;
    }

    SessionInfo withEvent(String event, boolean provisional) {
        return new SessionInfo(id, event, orgId, title, topic, metadata, mode, status, provisional, createdAt, endedAt);
    }

    SessionInfo reopened(@Nullable String newTitle, @Nullable String newTopic, @Nullable String newMetadata) {
        return new SessionInfo(
                id,
                eventId,
                orgId,
                newTitle != null ? newTitle : title,
                newTopic != null ? newTopic : topic,
                newMetadata != null ? newMetadata : metadata,
                mode,
                status,
                eventProvisional,
                createdAt,
                null);
    }

    SessionInfo ended(Instant at) {
        return new SessionInfo(
                id, eventId, orgId, title, topic, metadata, mode, "IDLE", eventProvisional, createdAt, at);
    }
}

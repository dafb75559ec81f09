package com.engagementconductor.content;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Content requests for tests, with neutral values unless a test says otherwise. */
final class Requests {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:05.000Z");

    private Requests() {}

    static ContentRequest of(InterventionKind kind, AnomalyKind type, @Nullable String title) {
        return new ContentRequest(kind, type, AnomalySeverity.WARNING, title, null, 0.31, 0.58, 0.0, 0, NOW, NOW);
    }

    static ContentRequest notification(
            AnomalyKind type,
            @Nullable String title,
            double score,
            @Nullable Double scoreSixtySecondsAgo,
            double leaveRate,
            int leavers,
            @Nullable Instant onset) {
        return new ContentRequest(
                InterventionKind.NOTIFICATION,
                type,
                AnomalySeverity.CRITICAL,
                title,
                null,
                score,
                scoreSixtySecondsAgo,
                leaveRate,
                leavers,
                NOW,
                onset);
    }
}

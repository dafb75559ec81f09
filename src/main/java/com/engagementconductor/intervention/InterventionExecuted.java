package com.engagementconductor.intervention;

import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An intervention's delivery outcome was recorded (the first report within 30 s), or none came in time. Published
 * once per intervention as a Spring application event, after the record update commits.
 *
 * @param delivered the executor reached the audience ({@code outcome.executed}); never the measured success
 * @param executedAt the report's timestamp, else its arrival; for {@link #UNCONFIRMED} the time the wait ended
 * @param error the report's error ({@code no_audience} …), {@link #UNCONFIRMED} without a report, else {@code null}
 */
public record InterventionExecuted(
        UUID interventionId,
        @Nullable UUID decisionId,
        String sessionId,
        String eventId,
        InterventionType type,
        boolean delivered,
        Instant executedAt,
        @Nullable String error) {

    /** The {@code error} of an intervention without an outcome report within 30 s. */
    public static final String UNCONFIRMED = "unconfirmed";

    /** True when no outcome report came within 30 s (status {@code UNCONFIRMED}), false for a reported failure. */
    public boolean unconfirmed() {
        return !delivered && UNCONFIRMED.equals(error);
    }
}

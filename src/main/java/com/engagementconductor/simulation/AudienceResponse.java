package com.engagementconductor.simulation;

import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the simulated audience did with one executed intervention (R8.4). Hidden ground truth: for the simulator's
 * callers and the offline evaluation, never for the agent.
 *
 * @param arm the intervention executed
 * @param executedAt when it reached the room
 * @param cause the true cause of the anomaly phase in force then, or null when none was (no response possible)
 * @param responded whether the audience responds (drawn with the probability p of the table)
 * @param riseStart when L starts to rise (the execution plus a uniform 5–15 s delay), or null without a response
 * @param levelBoost the rise of L, Δ ÷ κ, or 0 without a response
 * @param leaveReliefUntil the end of the halved leave hazard ({@code NOTIFICATION} during {@code MASS_EXIT}), or null
 */
public record AudienceResponse(
        InterventionType arm,
        Instant executedAt,
        @Nullable GroundTruth cause,
        boolean responded,
        @Nullable Instant riseStart,
        double levelBoost,
        @Nullable Instant leaveReliefUntil) {

    public AudienceResponse {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(executedAt, "executedAt");
        if (responded != (riseStart != null)) {
            throw new IllegalArgumentException("riseStart is set exactly when the audience responds: " + riseStart);
        }
        if (responded && cause == null) {
            throw new IllegalArgumentException("a response needs a true cause");
        }
    }

    /** No anomaly phase was in force, or the audience did not respond. */
    static AudienceResponse none(InterventionType arm, Instant executedAt, @Nullable GroundTruth cause) {
        return new AudienceResponse(arm, executedAt, cause, false, null, 0.0, null);
    }

    /** The value p·Δ of the arm under the true cause, 0 when no anomaly phase was in force. */
    public double value() {
        return cause == null ? 0.0 : cause.value(arm);
    }
}

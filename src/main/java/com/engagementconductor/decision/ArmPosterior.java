package com.engagementconductor.decision;

import org.jspecify.annotations.Nullable;

/**
 * One arm's effective posterior (R4.5) and its eligibility (R4.6) in a decision: the {@code posteriors} entry of
 * {@code agent.decision} (contracts §8.1).
 *
 * @param exclusion why the arm is not eligible, null when it is
 */
public record ArmPosterior(double alpha, double beta, double effectiveAttempts, @Nullable Exclusion exclusion) {

    public boolean eligible() {
        return exclusion == null;
    }

    /** α̃ ÷ (α̃ + β̃). */
    public double mean() {
        return alpha / (alpha + beta);
    }
}

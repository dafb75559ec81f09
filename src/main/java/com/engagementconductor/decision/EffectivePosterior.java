package com.engagementconductor.decision;

/**
 * An arm's effective posterior after the aggregate borrow (R4.5b) and the scope back-off (R4.5): α̃ = 1 + Ã and
 * β̃ = 1 + B̃ of the narrowest scope, and its effective attempts n̂ + w.
 */
public record EffectivePosterior(double alpha, double beta, double attempts) {
    public static final EffectivePosterior PRIOR = new EffectivePosterior(1.0, 1.0, 0.0);

    public EffectivePosterior {
        if (!(alpha >= 1.0) || !(beta >= 1.0) || !Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("alpha and beta must be finite and >= 1: " + alpha + ", " + beta);
        }
        if (!(attempts >= 0.0) || !Double.isFinite(attempts)) {
            throw new IllegalArgumentException("attempts must be finite and >= 0: " + attempts);
        }
    }

    /** The posterior mean α̃ ÷ (α̃ + β̃), reported as {@code posteriorMean} and {@code confidence} (R4.8). */
    public double mean() {
        return alpha / (alpha + beta);
    }
}

package com.engagementconductor.decision;

/**
 * One arm's statistics in one scope and context (R4.3): α and β (priors 1, 1) and the number of rewards applied.
 * The discounted evidence is A = α − 1 and B = β − 1.
 */
public record ArmStats(double alpha, double beta, long attempts) {
    /** Beta(1, 1) with no attempts: a fresh arm (TV-B5). */
    public static final ArmStats PRIOR = new ArmStats(1.0, 1.0, 0);

    public ArmStats {
        if (!(alpha >= 1.0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 1: " + alpha);
        }
        if (!(beta >= 1.0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 1: " + beta);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0: " + attempts);
        }
    }

    /** A = α − 1, the discounted evidence of success. */
    public double evidenceA() {
        return alpha - 1.0;
    }

    /** B = β − 1, the discounted evidence of failure. */
    public double evidenceB() {
        return beta - 1.0;
    }

    /** α ÷ (α + β). */
    public double mean() {
        return alpha / (alpha + beta);
    }

    /** Step 1 of R4.4: α ← 1 + γ(α − 1), β ← 1 + γ(β − 1), attempts unchanged. */
    ArmStats discounted(double discount) {
        return new ArmStats(1.0 + discount * (alpha - 1.0), 1.0 + discount * (beta - 1.0), attempts);
    }

    /** Both steps of R4.4 for the rewarded arm: discount, then α += r, β += 1 − r, attempts + 1. */
    ArmStats rewarded(double discount, double reward) {
        return new ArmStats(
                1.0 + discount * (alpha - 1.0) + reward, 1.0 + discount * (beta - 1.0) + (1.0 - reward), attempts + 1);
    }

    /** This arm with evidence added (the legacy import, R4.9). */
    ArmStats plus(double a, double b, long moreAttempts) {
        return new ArmStats(alpha + a, beta + b, attempts + moreAttempts);
    }
}

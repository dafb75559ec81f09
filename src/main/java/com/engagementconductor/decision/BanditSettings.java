package com.engagementconductor.decision;

/**
 * The bandit's constants (R4.4–R4.8).
 *
 * @param discount γ of R4.4, applied per update of a context record, in (0, 1]
 * @param backOffPseudoObservations how many pseudo-observations a scope or context with fewer attempts borrows
 *     from its parent (10, R4.5 and R4.5b)
 * @param floorAttempts effective attempts from which the confidence floor applies and below which an arm is
 *     exploring (5, R4.6 and R4.8)
 * @param probabilityBestRounds Monte-Carlo rounds of {@code probabilityBest} (1,000, R4.8)
 */
public record BanditSettings(
        double discount, double backOffPseudoObservations, double floorAttempts, int probabilityBestRounds) {

    public BanditSettings {
        if (!(discount > 0.0 && discount <= 1.0)) {
            throw new IllegalArgumentException("discount must be in (0,1]: " + discount);
        }
        if (!(backOffPseudoObservations >= 0.0) || !Double.isFinite(backOffPseudoObservations)) {
            throw new IllegalArgumentException(
                    "backOffPseudoObservations must be finite and >= 0: " + backOffPseudoObservations);
        }
        if (!(floorAttempts >= 0.0) || !Double.isFinite(floorAttempts)) {
            throw new IllegalArgumentException("floorAttempts must be finite and >= 0: " + floorAttempts);
        }
        if (probabilityBestRounds < 1) {
            throw new IllegalArgumentException("probabilityBestRounds must be >= 1: " + probabilityBestRounds);
        }
    }

    /** γ = 0.98, back-off 10, floor from 5 attempts, 1,000 probability-best rounds. */
    public static BanditSettings defaults() {
        return new BanditSettings(0.98, 10.0, 5.0, 1000);
    }

    /** These settings with another discount (TV-B3 and TV-B10 are stated with γ = 1 as well). */
    public BanditSettings withDiscount(double gamma) {
        return new BanditSettings(gamma, backOffPseudoObservations, floorAttempts, probabilityBestRounds);
    }
}

package com.engagementconductor.decision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings of the bandit ({@code conductor.decision.*}); the defaults are those of behaviour section 4.
 *
 * @param discount γ of R4.4 (0.98)
 * @param backOffPseudoObservations pseudo-observations of the back-off (10, R4.5)
 * @param floorAttempts effective attempts from which the floor applies and exploration ends (5, R4.6, R4.8)
 * @param probabilityBestRounds Monte-Carlo rounds of probability-best (1,000, R4.8)
 * @param importLegacy import the prior statistics blob at first start (off, R4.9)
 */
@ConfigurationProperties("conductor.decision")
public record DecisionSettings(
        @DefaultValue("0.98") double discount,
        @DefaultValue("10") double backOffPseudoObservations,
        @DefaultValue("5") double floorAttempts,
        @DefaultValue("1000") int probabilityBestRounds,
        @DefaultValue("false") boolean importLegacy) {

    /** The bandit's settings, validated there with messages naming the value. */
    public BanditSettings bandit() {
        return new BanditSettings(discount, backOffPseudoObservations, floorAttempts, probabilityBestRounds);
    }
}

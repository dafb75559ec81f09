package com.engagementconductor.anomaly;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings of anomaly detection ({@code conductor.anomaly.*}): every rule and threshold of behaviour
 * section 3, with its defaults in {@code application.yml}. The tick comes from {@code conductor.scoring.tick}.
 *
 * @param hst Half-Space Trees switch and the deployment-wide seed of its shared tree structure
 */
@ConfigurationProperties("conductor.anomaly")
record AnomalySettings(
        int warmupTicks,
        Hst hst,
        double warningThreshold,
        double criticalThreshold,
        Duration cooldown,
        int raiseAfterTicks,
        int clearAfterTicks,
        double suddenDropRatio,
        double massExitLeave,
        double lowEngagementMean,
        double veryLowEngagementMean,
        double gradualSlopePerMinute,
        double belowMeanRatio,
        double minSigma) {

    /** The Half-Space Trees settings. */
    record Hst(boolean enabled, long seed) {}

    /** The detector settings at the deployment's tick (validated there, with messages naming the value). */
    DetectorSettings detector(Duration tick) {
        return new DetectorSettings(
                tick,
                warmupTicks,
                hst.enabled(),
                hst.seed(),
                warningThreshold,
                criticalThreshold,
                cooldown,
                raiseAfterTicks,
                clearAfterTicks,
                suddenDropRatio,
                massExitLeave,
                lowEngagementMean,
                veryLowEngagementMean,
                gradualSlopePerMinute,
                belowMeanRatio,
                minSigma);
    }
}

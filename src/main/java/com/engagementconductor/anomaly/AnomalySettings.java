package com.engagementconductor.anomaly;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deployment settings of anomaly detection ({@code conductor.anomaly.*}, behaviour R0.6).
 *
 * @param warmupTicks fed ticks stored before the detector may raise (≥ 3)
 * @param hst Half-Space Trees switch and the deployment-wide seed of its shared tree structure
 */
@ConfigurationProperties("conductor.anomaly")
record AnomalySettings(int warmupTicks, Hst hst) {

    /** The Half-Space Trees settings. */
    record Hst(boolean enabled, long seed) {}

    AnomalySettings {
        if (warmupTicks < 3) {
            throw new IllegalArgumentException("conductor.anomaly.warmup-ticks must be >= 3: " + warmupTicks);
        }
    }
}

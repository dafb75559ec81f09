package com.engagementconductor.scoring;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Deployment settings of scoring ({@code conductor.scoring.*}).
 *
 * @param tick the scoring cadence, whole seconds 1–10 ({@code CONDUCTOR_TICK}; bare numbers are seconds)
 * @param scoreVersion {@code v1} or {@code v2}
 * @param metricsRetention how long engagement metrics are kept
 * @param metricsBatchSize rows per insert batch
 */
@ConfigurationProperties("conductor.scoring")
public record ScoringSettings(
        @DurationUnit(ChronoUnit.SECONDS) Duration tick,
        String scoreVersion,
        Duration metricsRetention,
        int metricsBatchSize) {

    public ScoringSettings {
        if (tick.toMillis() % 1000 != 0 || tick.getSeconds() < 1 || tick.getSeconds() > 10) {
            throw new IllegalArgumentException("CONDUCTOR_TICK must be whole seconds from 1s to 10s: " + tick);
        }
        ScoreVersion.parse(scoreVersion);
        if (metricsBatchSize < 1) {
            throw new IllegalArgumentException("metrics batch size must be >= 1: " + metricsBatchSize);
        }
    }

    public ScoreVersion version() {
        return ScoreVersion.parse(scoreVersion);
    }
}

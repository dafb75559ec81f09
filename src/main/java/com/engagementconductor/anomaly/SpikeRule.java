package com.engagementconductor.anomaly;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The informational SPIKE of R3.13: a sharp rise above the band, on its first tick, at most once per 30 s (the
 * settings' cooldown).
 */
final class SpikeRule {

    static final double MIN_SCORE = 0.8;
    static final double MIN_RISE = 0.10;
    private static final double Z_OFFSET = 2.0;
    private static final double Z_SPAN = 4.0;

    private final DetectorSettings settings;
    private boolean heldBefore;
    private @Nullable Instant lastSpike;

    SpikeRule(DetectorSettings settings) {
        this.settings = settings;
    }

    /** The spike score clamp((−z − 2) ÷ 4, 0, 1) for the band's z. */
    static double score(double z) {
        return Thresholds.clamp01((-z - Z_OFFSET) / Z_SPAN);
    }

    /**
     * Whether a SPIKE is reported on this tick; μ and z are the band's before this tick's update. Records the report.
     */
    boolean check(double z, double x, double mean, Instant timestamp) {
        boolean holds = Thresholds.atLeast(score(z), MIN_SCORE) && Thresholds.atLeast(x - mean, MIN_RISE);
        boolean report = holds && !heldBefore && !recentlyReported(timestamp);
        heldBefore = holds;
        if (report) {
            lastSpike = timestamp;
        }
        return report;
    }

    void clear() {
        heldBefore = false;
        lastSpike = null;
    }

    private boolean recentlyReported(Instant timestamp) {
        Instant last = lastSpike;
        return last != null && Duration.between(last, timestamp).compareTo(settings.cooldown()) < 0;
    }
}

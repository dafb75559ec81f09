package com.engagementconductor.anomaly;

/** One-sided CUSUM on the band's z (R3.4); on its own it peaks at 0.75, a WARNING. */
final class DriftDetector {

    static final double K = 1.5;
    static final double H = 10.0;
    static final double PEAK = 0.75;

    private double sum;

    /** S ← min(2h, max(0, S + z − k)); returns the drift score 0.75·min(1, S ÷ h). */
    double step(double z) {
        sum = Math.min(2 * H, Math.max(0.0, sum + z - K));
        return PEAK * Math.min(1.0, sum / H);
    }

    double sum() {
        return sum;
    }

    /** Called when an anomaly clears, and on a detector reset. */
    void reset() {
        sum = 0.0;
    }
}

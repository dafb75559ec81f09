package com.engagementconductor.anomaly;

/**
 * An exponentially weighted mean and variance with a floor on σ and winsorised variance updates (R3.3), used by the
 * control band and by the calibration of the Half-Space Trees score (R3.5).
 */
final class EwmaBaseline {

    private final double meanWeight;
    private final double varianceWeight;
    private final double minSigma;
    private double mean;
    private double variance;
    private boolean ready;

    EwmaBaseline(DetectorSettings settings) {
        this.meanWeight = settings.meanWeight();
        this.varianceWeight = settings.varianceWeight();
        this.minSigma = settings.minSigma();
    }

    void start(double initialMean, double initialVariance) {
        mean = initialMean;
        variance = initialVariance;
        ready = true;
    }

    boolean ready() {
        return ready;
    }

    double mean() {
        return mean;
    }

    double variance() {
        return variance;
    }

    /** σ_eff = max(√σ², minSigma). */
    double effectiveSigma() {
        return Math.max(Math.sqrt(variance), minSigma);
    }

    /** (value − μ) ÷ σ_eff, with μ and σ² before this value's update. */
    double standardised(double value) {
        return (value - mean) / effectiveSigma();
    }

    /** μ ← μ + λ·d; σ² ← (1 − λᵥ)·σ² + λᵥ·min(d², (3·σ_eff)²), with d = value − μ. */
    void update(double value) {
        double clip = 3 * effectiveSigma();
        double d = value - mean;
        mean += meanWeight * d;
        variance = (1 - varianceWeight) * variance + varianceWeight * Math.min(d * d, clip * clip);
    }

    void clear() {
        mean = 0;
        variance = 0;
        ready = false;
    }
}

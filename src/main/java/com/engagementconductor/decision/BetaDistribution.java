package com.engagementconductor.decision;

import java.util.random.RandomGenerator;

/**
 * Beta(α, β), sampled as X ÷ (X + Y) with X ~ Gamma(α) and Y ~ Gamma(β) drawn by Marsaglia and Tsang (2000).
 * The per-shape constants are computed once, so repeated draws (probability-best) cost two Gamma draws each.
 * Immutable; the randomness comes from the generator handed to {@link #sample}.
 */
public final class BetaDistribution {
    private final double alpha;
    private final double beta;
    private final Gamma x;
    private final Gamma y;

    public BetaDistribution(double alpha, double beta) {
        if (!(alpha > 0.0) || !(beta > 0.0) || !Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("alpha and beta must be finite and > 0: " + alpha + ", " + beta);
        }
        this.alpha = alpha;
        this.beta = beta;
        this.x = new Gamma(alpha);
        this.y = new Gamma(beta);
    }

    /** One draw, in [0, 1]. */
    public double sample(RandomGenerator random) {
        double gx = x.sample(random);
        double gy = y.sample(random);
        double sum = gx + gy;
        return sum > 0.0 ? gx / sum : mean();
    }

    public double mean() {
        return alpha / (alpha + beta);
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    @Override
    public String toString() {
        return "Beta(" + alpha + ", " + beta + ")";
    }

    /** Gamma(shape, 1); shapes below 1 are boosted: Gamma(k) = Gamma(k + 1) · U^(1/k). */
    private static final class Gamma {
        private final double d;
        private final double c;
        private final double inverseShape;
        private final boolean boosted;

        Gamma(double shape) {
            boosted = shape < 1.0;
            double k = boosted ? shape + 1.0 : shape;
            d = k - 1.0 / 3.0;
            c = 1.0 / Math.sqrt(9.0 * d);
            inverseShape = 1.0 / shape;
        }

        double sample(RandomGenerator random) {
            double g = marsagliaTsang(random);
            return boosted ? g * Math.pow(1.0 - random.nextDouble(), inverseShape) : g;
        }

        private double marsagliaTsang(RandomGenerator random) {
            while (true) {
                double z = random.nextGaussian();
                double v = 1.0 + c * z;
                if (v <= 0.0) {
                    continue;
                }
                v = v * v * v;
                double u = 1.0 - random.nextDouble(); // (0, 1]
                double z2 = z * z;
                if (u < 1.0 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1.0 - v + Math.log(v))) {
                    return d * v;
                }
            }
        }
    }
}

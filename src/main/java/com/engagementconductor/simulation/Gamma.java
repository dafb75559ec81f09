package com.engagementconductor.simulation;

import java.util.random.RandomGenerator;

/** Gamma sampling by Marsaglia and Tsang (2000), with the usual boost for shapes below 1. */
final class Gamma {
    private Gamma() {}

    /** One draw from Gamma(shape, scale), whose mean is shape·scale. */
    static double sample(RandomGenerator rng, double shape, double scale) {
        if (!(shape > 0) || !(scale > 0)) {
            throw new IllegalArgumentException("shape and scale must be positive: " + shape + ", " + scale);
        }
        if (shape < 1) {
            double u = 1.0 - rng.nextDouble();
            return sample(rng, shape + 1, scale) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return d * v * scale;
            }
        }
    }
}

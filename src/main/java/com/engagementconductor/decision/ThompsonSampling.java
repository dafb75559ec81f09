package com.engagementconductor.decision;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Selection (R4.7) and probability-best (R4.8) over the eligible arms' posteriors, in tie-breaking order. As
 * thread-safe as its generator.
 */
public final class ThompsonSampling {
    private final RandomGenerator random;

    public ThompsonSampling(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random must not be null");
    }

    /**
     * One Beta draw per arm; the index of the largest, ties to the earliest.
     *
     * @param arms the eligible arms' posteriors, at least one, in the order {@code POLL … GAMIFICATION}
     */
    public int select(BetaDistribution[] arms) {
        requireArms(arms);
        double[] draws = new double[arms.length];
        for (int i = 0; i < arms.length; i++) {
            draws[i] = arms[i].sample(random);
        }
        return firstLargest(draws);
    }

    /**
     * For each arm, the share of {@code rounds} fresh rounds of one draw per arm in which its draw is the largest
     * (ties to the earliest). A single arm is best with probability 1 and costs no draw.
     */
    public double[] probabilityBest(BetaDistribution[] arms, int rounds) {
        requireArms(arms);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1: " + rounds);
        }
        double[] shares = new double[arms.length];
        if (arms.length == 1) {
            shares[0] = 1.0;
            return shares;
        }
        int[] wins = new int[arms.length];
        double[] draws = new double[arms.length];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < arms.length; i++) {
                draws[i] = arms[i].sample(random);
            }
            wins[firstLargest(draws)]++;
        }
        for (int i = 0; i < arms.length; i++) {
            shares[i] = (double) wins[i] / rounds;
        }
        return shares;
    }

    /** The index of the largest value; on a tie, the earliest. */
    static int firstLargest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void requireArms(BetaDistribution[] arms) {
        if (arms.length == 0) {
            throw new IllegalArgumentException("at least one arm is needed to sample");
        }
    }
}

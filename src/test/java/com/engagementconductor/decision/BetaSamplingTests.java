package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Beta draws through two Marsaglia–Tsang Gamma draws, selection and probability-best (R4.7, R4.8). */
class BetaSamplingTests {

    @Test
    void tvB6HundredDrawsFromBeta32AreInTheUnitInterval() {
        BetaDistribution beta = new BetaDistribution(3, 2);
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 100; i++) {
            assertThat(beta.sample(random)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void drawsHaveTheBetaMeanAndVarianceForLargeAndSmallShapes() {
        assertMoments(new BetaDistribution(3, 2), 0.6, 0.04);
        assertMoments(new BetaDistribution(8.2, 3.8), 8.2 / 12, 8.2 * 3.8 / (144 * 13));
        assertMoments(new BetaDistribution(0.5, 0.5), 0.5, 0.125);
        assertMoments(new BetaDistribution(1, 1), 0.5, 1.0 / 12);
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        BetaDistribution beta = new BetaDistribution(2.5, 7);
        SplittableRandom a = new SplittableRandom(99);
        SplittableRandom b = new SplittableRandom(99);
        for (int i = 0; i < 20; i++) {
            assertThat(beta.sample(a)).isEqualTo(beta.sample(b));
        }
    }

    @Test
    void tiesGoToTheEarliestArm() {
        assertThat(ThompsonSampling.firstLargest(new double[] {0.5, 0.5, 0.5, 0.5}))
                .isZero();
        assertThat(ThompsonSampling.firstLargest(new double[] {0.1, 0.9, 0.9, 0.2}))
                .isEqualTo(1);
        assertThat(ThompsonSampling.firstLargest(new double[] {0.1, 0.2, 0.3, 0.9}))
                .isEqualTo(3);
    }

    @Test
    void tvB13ProbabilityBestOfBeta82Against11() {
        ThompsonSampling sampling = new ThompsonSampling(new SplittableRandom(13));
        double[] shares = sampling.probabilityBest(
                new BetaDistribution[] {new BetaDistribution(8.2, 3.8), new BetaDistribution(1, 1)}, 1000);

        assertThat(shares[0]).isCloseTo(0.6833, within(0.05));
        assertThat(shares[0] + shares[1]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void tvB14ProbabilityBestOfThreeArms() {
        ThompsonSampling sampling = new ThompsonSampling(new SplittableRandom(14));
        double[] shares = sampling.probabilityBest(
                new BetaDistribution[] {
                    new BetaDistribution(8, 4), new BetaDistribution(3, 3), new BetaDistribution(2, 5)
                },
                1000);

        assertThat(shares[0]).isCloseTo(0.7374, within(0.05));
        assertThat(shares[1]).isCloseTo(0.2350, within(0.05));
        assertThat(shares[2]).isCloseTo(0.0276, within(0.05));
    }

    @Test
    void tvB11PollIsBestAmongTheFourWithProbability0942995() {
        ThompsonSampling sampling = new ThompsonSampling(new SplittableRandom(11));
        double[] shares = sampling.probabilityBest(
                new BetaDistribution[] {
                    new BetaDistribution(16.542384, 1),
                    new BetaDistribution(1, 16.859575),
                    new BetaDistribution(1, 17.183240),
                    new BetaDistribution(1, 1)
                },
                400_000);

        assertThat(shares[0]).isCloseTo(0.942995, within(0.002));
    }

    @Test
    void aSingleArmIsBestWithCertaintyAndSelectionNeedsAnArm() {
        ThompsonSampling sampling = new ThompsonSampling(new SplittableRandom(1));
        assertThat(sampling.probabilityBest(new BetaDistribution[] {new BetaDistribution(2, 9)}, 1000))
                .containsExactly(1.0);
        assertThatIllegalArgumentException().isThrownBy(() -> sampling.select(new BetaDistribution[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> new BetaDistribution(0, 1));
    }

    @Test
    void selectionFavoursTheStrongerPosterior() {
        ThompsonSampling sampling = new ThompsonSampling(new SplittableRandom(21));
        BetaDistribution[] arms = {new BetaDistribution(1, 20), new BetaDistribution(20, 1)};
        int second = 0;
        for (int i = 0; i < 1000; i++) {
            second += sampling.select(arms);
        }
        assertThat(second).isGreaterThan(990);
    }

    private static void assertMoments(BetaDistribution beta, double mean, double variance) {
        SplittableRandom random = new SplittableRandom(42);
        int n = 200_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            double x = beta.sample(random);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
            sumSquares += x * x;
        }
        double m = sum / n;
        assertThat(m).as("mean of %s", beta).isCloseTo(mean, within(0.005));
        assertThat(sumSquares / n - m * m).as("variance of %s", beta).isCloseTo(variance, within(0.001));
    }
}

package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RandomDrawsTests {
    private static final int DRAWS = 200_000;

    @Test
    void propensitiesFollowGammaShapeTwoScaleHalfWithMeanOne() {
        // Gamma(2, 0.5): mean 1, variance 0.5. The mean of 200,000 draws has sd 0.0016; the tolerance is 0.01.
        Attendees attendees = new Attendees(DRAWS, AudienceModel.defaults(), new SplittableRandom(9L));
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            double w = attendees.propensity(i);
            assertThat(w).isPositive();
            sum += w;
            sumSq += w * w;
        }
        double mean = sum / DRAWS;
        double variance = sumSq / DRAWS - mean * mean;

        assertThat(mean).isCloseTo(1.0, within(0.01));
        assertThat(variance).isCloseTo(0.5, within(0.02));
    }

    @Test
    void gammaSamplingHandlesShapesBelowOne() {
        RandomGenerator rng = new SplittableRandom(3L);
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            sum += Gamma.sample(rng, 0.5, 2.0);
        }

        assertThat(sum / DRAWS).isCloseTo(1.0, within(0.02));
    }

    @Test
    void geometricGapsHaveMeanOneOverP() {
        RandomGenerator rng = new SplittableRandom(5L);
        double sum = 0;
        for (int i = 0; i < DRAWS; i++) {
            long g = AudienceSimulator.geometric(rng, 0.01);
            assertThat(g).isPositive();
            sum += g;
        }

        assertThat(sum / DRAWS).isCloseTo(100.0, within(1.5));
        assertThat(AudienceSimulator.geometric(rng, 1.0)).isEqualTo(1);
        assertThat(AudienceSimulator.geometric(rng, 0.0)).isEqualTo(Long.MAX_VALUE);
    }
}

package com.engagementconductor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Half-Space Trees (R3.5): shared seeded structure, per-session masses, scoring and feature scaling. */
class HalfSpaceTreesTests {

    private static final DetectorSettings SETTINGS = DetectorSettings.defaults(Duration.ofSeconds(5));
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void forestsFromTheSameSeedGiveIdenticalRawScores() {
        HalfSpaceTreesState first = trained(new HalfSpaceTrees(7), 7);
        HalfSpaceTreesState second = trained(new HalfSpaceTrees(7), 7);
        HalfSpaceTreesState otherSeed = trained(new HalfSpaceTrees(8), 7);

        SplittableRandom probes = new SplittableRandom(3);
        boolean anyDifference = false;
        for (int i = 0; i < 200; i++) {
            double[] point = randomPoint(probes);
            assertThat(first.rawScore(point)).isEqualTo(second.rawScore(point));
            anyDifference |= first.rawScore(point) != otherSeed.rawScore(point);
        }
        assertThat(anyDifference).isTrue();
    }

    @Test
    void outlierScoresHigherThanATypicalPointAfterTheFirstWindow() {
        HalfSpaceTreesState state = trained(new HalfSpaceTrees(1), 1);

        double typical = state.rawScore(new double[] {0.70, 0.70, 0.60, 0.50, 0.0});
        double outlier = state.rawScore(new double[] {0.10, 0.05, 0.05, 0.10, 1.0});

        assertThat(outlier).isGreaterThan(typical);
        assertThat(typical).isBetween(0.0, 1.0);
        assertThat(outlier).isBetween(0.0, 1.0);
    }

    @Test
    void pointSeenSixtyTimesScoresExactlyZero() {
        HalfSpaceTreesState state = new HalfSpaceTreesState(new HalfSpaceTrees(1), SETTINGS);
        double[] point = {0.5, 0.5, 0.5, 0.5, 0.5};
        for (int i = 0; i < 600; i++) {
            state.learn(point);
        }

        assertThat(state.rawScore(point)).isZero();
    }

    @Test
    void scoringStartsOnlyAfterSixtyLearnedPoints() {
        HalfSpaceTreesState state = new HalfSpaceTreesState(new HalfSpaceTrees(1), SETTINGS);
        double[] point = {0.5, 0.5, 0.5, 0.5, 0.5};
        for (int i = 0; i < 59; i++) {
            assertThat(state.observe(point)).isZero();
        }
        assertThat(state.canScore()).isFalse();
        assertThatThrownBy(() -> state.rawScore(point)).isInstanceOf(IllegalStateException.class);

        state.observe(point);

        assertThat(state.canScore()).isTrue();
    }

    @Test
    void firstScoredPointOnlyInitialisesTheCalibration() {
        HalfSpaceTreesState state = trained(new HalfSpaceTrees(1), 1);
        double[] outlier = {0.0, 1.0, 1.0, 0.0, 1.0};

        assertThat(state.observe(outlier)).isZero();
        assertThat(state.observe(outlier)).isZero();
    }

    @Test
    void calibratedScoreRisesForAnOutlierOnceCalibrated() {
        HalfSpaceTreesState state = new HalfSpaceTreesState(new HalfSpaceTrees(1), SETTINGS);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            state.observe(room(random));
        }

        assertThat(state.observe(new double[] {0.05, 0.0, 0.0, 0.05, 1.0})).isGreaterThan(0.0);
    }

    @Test
    void everySplitLiesInTheMiddleSeventyPercentOfItsRange() {
        HalfSpaceTrees forest = new HalfSpaceTrees(12345);
        for (int tree = 0; tree < HalfSpaceTrees.TREES; tree++) {
            assertThat(forest.splitValue(tree, 0)).isBetween(0.15, 0.85);
            for (int node = 0; node < HalfSpaceTrees.INTERNAL_NODES; node++) {
                assertThat(forest.splitFeature(tree, node)).isBetween(0, HalfSpaceTrees.FEATURES - 1);
                assertThat(forest.splitValue(tree, node)).isStrictlyBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void everyScaledFeatureLiesInTheUnitInterval() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 10_000; i++) {
            FedTick tick =
                    new FedTick(T0, edgy(random), edgy(random), edgy(random), edgy(random), edgy(random), edgy(random));

            double[] features = HalfSpaceTrees.features(tick);

            assertThat(features).hasSize(HalfSpaceTrees.FEATURES);
            for (double feature : features) {
                assertThat(feature).isBetween(0.0, 1.0);
            }
            assertThat(features[0]).isEqualTo(tick.detectionScore());
            assertThat(features[4]).isEqualTo(Math.min(1.0, tick.leaveRate() / 0.30));
        }
    }

    @Test
    void leaveRateIsScaledOverThirtyPercent() {
        FedTick tick = new FedTick(T0, 0.5, 0.5, 0.15, 0.2, 0.3, 0.4);

        assertThat(HalfSpaceTrees.features(tick)).containsExactly(0.5, 0.2, 0.3, 0.4, 0.5);
    }

    private static HalfSpaceTreesState trained(HalfSpaceTrees forest, long seed) {
        HalfSpaceTreesState state = new HalfSpaceTreesState(forest, SETTINGS);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 120; i++) {
            state.learn(room(random));
        }
        return state;
    }

    /** A steady room: detection score around 0.7, the v2 terms near it, nobody leaving. */
    private static double[] room(SplittableRandom random) {
        double x = 0.70 + random.nextDouble(-0.03, 0.03);
        return new double[] {x, x, x - 0.1, x - 0.2, random.nextDouble(0, 0.02)};
    }

    private static double[] randomPoint(SplittableRandom random) {
        double[] point = new double[HalfSpaceTrees.FEATURES];
        for (int f = 0; f < point.length; f++) {
            point[f] = random.nextDouble();
        }
        return point;
    }

    /** Uniform on [0, 1] with the edges 0 and 1 drawn often. */
    private static double edgy(SplittableRandom random) {
        int pick = random.nextInt(10);
        return pick == 0 ? 0.0 : pick == 1 ? 1.0 : random.nextDouble();
    }
}

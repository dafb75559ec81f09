package com.engagementconductor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detector vectors DV-1 … DV-11 of behaviour R3.15, with HST disabled, x fed directly, p = x, leave 0. */
class DetectorVectorsTests {

    private static final double EXACT = 1e-6;

    @Test
    void dv1SuddenDropIsRaisedAtOnceAsCriticalAndClearsAtTick44() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.70);
        DetectionResult tick13 = run.feed(0.30);
        run.repeat(60, 0.30);

        assertThat(run.detector.cusum()).isZero();
        assertThat(tick13.components().band()).isEqualTo(1.0);
        assertThat(tick13.anomalyScore()).isEqualTo(1.0);
        assertThat(run.raiseTicks()).containsExactly(13);
        AnomalyReport raised = run.raised().get(0);
        assertThat(raised.type()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.anomalyScore()).isEqualTo(1.0);
        assertThat(raised.timestamp()).isEqualTo(DetectorRun.START.plusSeconds(60));
        assertThat(run.clearTicks()).containsExactly(44);
        assertThat(run.published()).hasSize(1);
    }

    @Test
    void dv1BandZIsTwentyOnTheDropTick() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.70);
        run.feed(0.30);

        assertThat(run.detector.lastZ()).isCloseTo(20.0, within(EXACT));
    }

    @Test
    void dv1TypeChangesToGradualDeclineWhileActiveAreIgnored() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.70).repeat(40, 0.30);

        assertThat(run.at(31).candidateType()).isEqualTo(AnomalyType.GRADUAL_DECLINE);
        assertThat(run.at(41).candidateType()).isEqualTo(AnomalyType.GRADUAL_DECLINE);
        assertThat(run.at(42).anomalous()).isFalse();
        assertThat(run.published()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 42, 1234})
    void dv2SteadyNoisyRoomRaisesNothingWithoutHst(long seed) {
        DetectorRun run = DetectorRun.withoutHst();
        feedNoisy(run, seed, 720);

        assertThat(run.published()).isEmpty();
        assertThat(run.spikeTicks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 42, 1234})
    void dv2SteadyNoisyRoomRaisesNothingWithHst(long seed) {
        DetectorRun run = DetectorRun.withHst(seed);
        feedNoisy(run, seed, 720);

        assertThat(run.detector.hstWarm()).isTrue();
        assertThat(run.published()).isEmpty();
        assertThat(run.spikeTicks()).isEmpty();
    }

    @Test
    void dv3SmallDropIsRaisedOnTheSecondTickAsWarning() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.70);
        DetectionResult tick13 = run.feed(0.60);
        double z13 = run.detector.lastZ();
        DetectionResult tick14 = run.feed(0.60);

        assertThat(z13).isCloseTo(5.0, within(EXACT));
        assertThat(tick13.anomalyScore()).isCloseTo(0.75, within(EXACT));
        assertThat(tick13.components().band()).isCloseTo(0.75, within(EXACT));
        assertThat(tick13.anomalous()).isTrue();
        assertThat(tick13.candidateType()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(tick13.published()).isEmpty();
        assertThat(tick14.anomalyScore()).isCloseTo(0.625, within(EXACT));
        assertThat(tick14.published()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AnomalyType.SUDDEN_DROP);
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
            assertThat(r.anomalyScore()).isCloseTo(0.75, within(EXACT));
        });
    }

    @Test
    void dv3ClearsAtTick22BecauseTick19RatioIsExactlyTenPercentAfterRounding() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.70).repeat(20, 0.60);

        assertThat(run.at(19).anomalous()).isTrue();
        assertThat(run.at(19).candidateType()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(run.at(20).anomalous()).isFalse();
        assertThat(run.raiseTicks()).containsExactly(14);
        assertThat(run.clearTicks()).containsExactly(22);
    }

    @Test
    void dv4SteadyDeclineIsRaisedAsGradualDeclineAtTick72() {
        DetectorRun run = DetectorRun.withoutHst().repeat(60, 0.70);
        for (int k = 61; k <= 70; k++) {
            run.feed((70 - (k - 60)) / 100.0);
        }
        DetectionResult tick71 = run.feed(0.59);
        double s71 = run.detector.cusum();
        DetectionResult tick72 = run.feed(0.58);

        assertThat(s71).isCloseTo(9.3165, within(1e-4));
        assertThat(tick71.anomalyScore()).isCloseTo(0.6987, within(1e-4));
        assertThat(tick71.anomalous()).isTrue();
        assertThat(tick71.candidateType()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(tick71.published()).isEmpty();
        assertThat(tick72.candidateType()).isEqualTo(AnomalyType.GRADUAL_DECLINE);
        assertThat(tick72.published()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AnomalyType.GRADUAL_DECLINE);
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
            assertThat(r.anomalyScore()).isCloseTo(0.75, within(EXACT));
            assertThat(r.timestamp()).isEqualTo(DetectorRun.START.plusSeconds(355));
        });
        assertThat(run.raiseTicks()).containsExactly(72);
    }

    @Test
    void dv5LowRoomIsRaisedAtTick8AsLowEngagementWarning() {
        DetectorRun run = DetectorRun.withoutHst().repeat(20, 0.15);

        for (int k = 1; k <= 6; k++) {
            assertThat(run.at(k).anomalous()).as("warm-up tick %d", k).isFalse();
            assertThat(run.at(k).anomalyScore()).isZero();
        }
        assertThat(run.at(7).anomalous()).isTrue();
        assertThat(run.at(7).components().evidence()).isEqualTo(0.6);
        assertThat(run.at(7).published()).isEmpty();
        assertThat(run.raiseTicks()).containsExactly(8);
        AnomalyReport raised = run.raised().get(0);
        assertThat(raised.type()).isEqualTo(AnomalyType.LOW_ENGAGEMENT);
        assertThat(raised.severity()).isEqualTo(Severity.WARNING);
        assertThat(raised.anomalyScore()).isCloseTo(0.6, within(EXACT));
        assertThat(raised.timestamp()).isEqualTo(DetectorRun.START.plusSeconds(35));
    }

    @Test
    void dv6MassExitIsRaisedAtTick22AsCriticalAndClearsAtTick35() {
        DetectorRun run =
                DetectorRun.withoutHst().repeat(20, 0.60).repeat(12, 0.56, 0.20).repeat(10, 0.60);

        assertThat(run.raiseTicks()).containsExactly(22);
        AnomalyReport raised = run.raised().get(0);
        assertThat(raised.type()).isEqualTo(AnomalyType.MASS_EXIT);
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.anomalyScore()).isCloseTo(0.8, within(EXACT));
        assertThat(run.clearTicks()).containsExactly(35);
    }

    @Test
    void dv7SecondDropInsideTheCooldownIsDeferredThenRaisedAtTick19() {
        DetectorRun run = DetectorRun.withoutHst()
                .repeat(12, 0.70)
                .repeat(1, 0.30)
                .repeat(3, 0.70)
                .repeat(10, 0.30);

        assertThat(run.raiseTicks()).containsExactly(13, 19);
        assertThat(run.clearTicks()).containsExactly(16);
        assertThat(run.deferredTicks()).containsExactly(17, 18);
        assertThat(run.raised().get(0).timestamp()).isEqualTo(DetectorRun.START.plusSeconds(60));
        assertThat(run.raised().get(1).timestamp()).isEqualTo(DetectorRun.START.plusSeconds(90));
        assertThat(run.raised().get(1).anomalyId())
                .isNotEqualTo(run.raised().get(0).anomalyId());
    }

    @Test
    void dv8UpwardJumpIsOneSpikeAndNoAnomaly() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.40).repeat(10, 0.70);

        assertThat(run.spikeTicks()).containsExactly(13);
        assertThat(run.at(13).spike()).satisfies(spike -> {
            assertThat(spike).isNotNull();
            assertThat(spike.kind()).isEqualTo(AnomalyReport.Kind.SPIKE);
            assertThat(spike.type()).isEqualTo(AnomalyType.SPIKE);
            assertThat(spike.severity()).isEqualTo(Severity.INFO);
            assertThat(spike.anomalyScore()).isEqualTo(1.0);
        });
        assertThat(run.published()).isEmpty();
        assertThat(run.detector.anomalyActive()).isFalse();
    }

    @Test
    void dv9MassExitDuringLowEngagementIsANewCriticalAnomaly() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.15).repeat(8, 0.15, 0.20);

        assertThat(run.raiseTicks()).containsExactly(8, 13);
        AnomalyReport low = run.raised().get(0);
        AnomalyReport exit = run.raised().get(1);
        assertThat(low.type()).isEqualTo(AnomalyType.LOW_ENGAGEMENT);
        assertThat(exit.type()).isEqualTo(AnomalyType.MASS_EXIT);
        assertThat(exit.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(exit.anomalyId()).isNotEqualTo(low.anomalyId());
        assertThat(run.detector.activeAnomaly()).contains(exit);
    }

    @Test
    void dv10DropOf29PercentIsRaisedAtOnceAsCritical() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.70).repeat(5, 0.50);

        assertThat(run.raiseTicks()).containsExactly(13);
        assertThat(run.raised().get(0).type()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(run.raised().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void dv11SuddenDropAtOneSecondTicksClearsAtTick136() {
        DetectorRun run = DetectorRun.withoutHst(1).repeat(12, 0.70).repeat(200, 0.30);

        assertThat(run.raiseTicks()).containsExactly(13);
        AnomalyReport raised = run.raised().get(0);
        assertThat(raised.timestamp()).isEqualTo(DetectorRun.START.plusSeconds(12));
        assertThat(raised.type()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(raised.anomalyScore()).isEqualTo(1.0);
        assertThat(run.clearTicks()).containsExactly(136);
        assertThat(run.results.get(135).tickNumber()).isEqualTo(136);
    }

    @Test
    void dv11LowRoomAtOneSecondTicksIsRaisedAtTick8() {
        DetectorRun run = DetectorRun.withoutHst(1).repeat(40, 0.15);

        assertThat(run.raiseTicks()).containsExactly(8);
        AnomalyReport raised = run.raised().get(0);
        assertThat(raised.timestamp()).isEqualTo(DetectorRun.START.plusSeconds(7));
        assertThat(raised.type()).isEqualTo(AnomalyType.LOW_ENGAGEMENT);
        assertThat(raised.severity()).isEqualTo(Severity.WARNING);
        assertThat(raised.anomalyScore()).isCloseTo(0.6, within(EXACT));
    }

    /** x = 0.70 + U(−0.03, 0.03); the v2 terms follow x so that HST sees a realistic, correlated room. */
    static void feedNoisy(DetectorRun run, long seed, int ticks) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < ticks; i++) {
            double x = 0.70 + random.nextDouble(-0.03, 0.03);
            run.feed(new FedTick(run.timeOf(run.results.size() + 1), x, x, 0.0, x, x - 0.1, x - 0.2));
        }
    }
}

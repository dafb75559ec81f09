package com.engagementconductor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Behaviour of the detector beyond the vectors: HST enabled, long sessions, cooldown, escalation, reset, ids. */
class AnomalyDetectorTests {

    @Test
    void vectorsDv1Dv5Dv6RaiseAtTheSameTicksWithHstEnabled() {
        DetectorRun dv1 = DetectorRun.withHst(1).repeat(12, 0.70).repeat(40, 0.30);
        DetectorRun dv5 = DetectorRun.withHst(1).repeat(20, 0.15);
        DetectorRun dv6 =
                DetectorRun.withHst(1).repeat(20, 0.60).repeat(12, 0.56, 0.20).repeat(10, 0.60);

        assertThat(dv1.raiseTicks()).containsExactly(13);
        assertThat(dv1.raised().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(dv5.raiseTicks()).containsExactly(8);
        assertThat(dv5.raised().get(0).type()).isEqualTo(AnomalyType.LOW_ENGAGEMENT);
        assertThat(dv6.raiseTicks()).containsExactly(22);
        assertThat(dv6.raised().get(0).type()).isEqualTo(AnomalyType.MASS_EXIT);
    }

    @Test
    void collapseAfterHstHasJoinedIsRaisedAtOnceThenAsLowEngagement() {
        DetectorRun run = DetectorRun.withHst(3);
        DetectorVectorsTests.feedNoisy(run, 3, 200);
        run.repeat(20, 0.15);

        assertThat(run.raiseTicks()).containsExactly(201, 206);
        assertThat(run.raised().get(0).type()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(run.raised().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(run.raised().get(0).detectorWarm()).isTrue();
        assertThat(run.raised().get(1).type()).isEqualTo(AnomalyType.LOW_ENGAGEMENT);
    }

    @Test
    void massExitAfterHstHasJoinedIsRaisedOnTheSecondTick() {
        DetectorRun run = DetectorRun.withHst(5);
        DetectorVectorsTests.feedNoisy(run, 5, 200);
        run.repeat(5, 0.56, 0.20);

        assertThat(run.raiseTicks()).containsExactly(202);
        assertThat(run.raised().get(0).type()).isEqualTo(AnomalyType.MASS_EXIT);
        assertThat(run.raised().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void sessionLiveForThreeHoursStillRaisesOnADrop() {
        DetectorRun run = DetectorRun.withHst(1);
        int threeHours = 3 * 3600 / 5;
        DetectorVectorsTests.feedNoisy(run, 11, threeHours);
        DetectionResult drop = run.feed(0.30);

        assertThat(run.results).hasSize(threeHours + 1);
        assertThat(run.raiseTicks()).containsExactly(threeHours + 1);
        assertThat(drop.published()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AnomalyType.SUDDEN_DROP);
            assertThat(r.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(r.detectorWarm()).isTrue();
        });
    }

    @Test
    void twoAnomalousTicksOfOneTypeInsideTheCooldownPublishOneAnomaly() {
        DetectorRun run = DetectorRun.withoutHst()
                .repeat(12, 0.70)
                .repeat(1, 0.30)
                .repeat(3, 0.70)
                .repeat(2, 0.30);

        assertThat(run.at(17).candidateType()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(run.at(18).candidateType()).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(run.published()).hasSize(1);
        assertThat(run.detector.anomalyActive()).isFalse();
    }

    @Test
    void deferredRaiseHappensOnTheFirstAnomalousTickThirtySecondsLater() {
        DetectorRun run = DetectorRun.withoutHst(1)
                .repeat(12, 0.70)
                .repeat(1, 0.30)
                .repeat(3, 0.70)
                .repeat(40, 0.30);

        assertThat(run.raiseTicks()).containsExactly(13, 43);
        assertThat(run.deferredTicks())
                .isEqualTo(IntStream.rangeClosed(17, 42).boxed().toList());
        assertThat(run.raised().get(1).timestamp()).isEqualTo(DetectorRun.START.plusSeconds(42));
    }

    @Test
    void warningRisingToCriticalIsPublishedAgainWithTheSameId() {
        DetectorRun run = DetectorRun.withoutHst().repeat(10, 0.15).repeat(5, 0.05);

        assertThat(run.raiseTicks()).containsExactly(8);
        AnomalyReport raised = run.raised().get(0);
        assertThat(raised.severity()).isEqualTo(Severity.WARNING);
        assertThat(run.at(13).published()).singleElement().satisfies(update -> {
            assertThat(update.kind()).isEqualTo(AnomalyReport.Kind.ESCALATED);
            assertThat(update.anomalyId()).isEqualTo(raised.anomalyId());
            assertThat(update.type()).isEqualTo(AnomalyType.LOW_ENGAGEMENT);
            assertThat(update.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(update.anomalyScore()).isCloseTo(0.8, within(1e-6));
        });
        assertThat(run.published()).hasSize(2);
    }

    @Test
    void veryLowRoomIsRaisedAsCritical() {
        DetectorRun run = DetectorRun.withoutHst().repeat(10, 0.05);

        assertThat(run.raiseTicks()).containsExactly(8);
        assertThat(run.raised().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(run.raised().get(0).anomalyScore()).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void raisedReportCarriesCurrentAndExpectedEngagement() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.70);
        run.feed(FedTick.of(run.timeOf(13), 0.30, 0.40, 0.0));

        AnomalyReport raised = run.raised().get(0);
        assertThat(raised.currentEngagement()).isEqualTo(0.40);
        assertThat(raised.expectedEngagement()).isCloseTo(0.70, within(1e-9));
        assertThat(raised.deviation()).isCloseTo(0.30, within(1e-9));
        assertThat(raised.signedDeviation()).isCloseTo(-0.30, within(1e-9));
        assertThat(raised.detectorWarm()).isFalse();
        assertThat(raised.components().band()).isEqualTo(1.0);
    }

    @Test
    void spikeIsReportedAtMostOncePerThirtySeconds() {
        DetectorRun run = DetectorRun.withoutHst().repeat(12, 0.40);
        for (int i = 0; i < 5; i++) {
            run.feed(0.70);
            run.feed(0.40);
        }

        assertThat(run.spikeTicks()).containsExactly(13, 19);
        assertThat(run.results.stream().filter(r -> r.spike() != null).map(r -> r.published()))
                .allMatch(List::isEmpty);
    }

    @Test
    void resetStartsTheWarmUpAgainAndForgetsTheActiveAnomaly() {
        DetectorRun run = DetectorRun.withoutHst().repeat(10, 0.15);
        assertThat(run.detector.anomalyActive()).isTrue();

        run.detector.reset();
        assertThat(run.detector.fedTicks()).isZero();
        assertThat(run.detector.anomalyActive()).isFalse();
        assertThat(run.detector.activeAnomaly()).isEmpty();

        DetectionResult first = run.feed(0.15);
        assertThat(first.tickNumber()).isEqualTo(1);
        run.repeat(7, 0.15);
        assertThat(run.raiseTicks()).containsExactly(8, 8);
        assertThat(run.results.get(10 + 5).anomalous()).isFalse();
    }

    @Test
    void anomalyIdsAreVersionFourAndRepeatableFromTheSeed() {
        List<UUID> first = raisedIds(99);
        List<UUID> second = raisedIds(99);

        assertThat(first).hasSize(2).isEqualTo(second);
        assertThat(first).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(raisedIds(100)).isNotEqualTo(first);
    }

    @Test
    void hstJoinsAfterSixtyFedTicksOnlyWhenEnabledAndGivenAForest() {
        DetectionResult[] last = new DetectionResult[1];
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(5));
        AnomalyDetector withForest = new AnomalyDetector(settings, new HalfSpaceTrees(1), new SplittableRandom(1));
        AnomalyDetector withoutForest = new AnomalyDetector(settings, null, new SplittableRandom(1));
        for (int k = 1; k <= 60; k++) {
            last[0] = withForest.onFedTick(FedTick.of(DetectorRun.START.plusSeconds(5L * k), 0.7, 0.7, 0));
            withoutForest.onFedTick(FedTick.of(DetectorRun.START.plusSeconds(5L * k), 0.7, 0.7, 0));
        }
        assertThat(withForest.hstWarm()).isFalse();
        withForest.onFedTick(FedTick.of(DetectorRun.START.plusSeconds(305), 0.7, 0.7, 0));
        withoutForest.onFedTick(FedTick.of(DetectorRun.START.plusSeconds(305), 0.7, 0.7, 0));

        assertThat(withForest.hstWarm()).isTrue();
        assertThat(withoutForest.hstWarm()).isFalse();
        assertThat(last[0].components().hst()).isZero();
    }

    private static List<UUID> raisedIds(long seed) {
        AnomalyDetector detector = new AnomalyDetector(
                DetectorSettings.defaults(Duration.ofSeconds(5)).withHst(false, 1), null, new SplittableRandom(seed));
        double[] xs = {0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15};
        List<UUID> ids = new java.util.ArrayList<>();
        for (int k = 0; k < xs.length; k++) {
            double leave = k >= 12 ? 0.2 : 0.0;
            DetectionResult result =
                    detector.onFedTick(FedTick.of(DetectorRun.START.plusSeconds(5L * k), xs[k], xs[k], leave));
            result.published().forEach(r -> ids.add(r.anomalyId()));
        }
        return ids;
    }

    @Test
    void theRunStartIsTheFirstAnomalousTickOfTheRaisingRun() {
        AnomalyDetector detector = new AnomalyDetector(
                DetectorSettings.defaults(java.time.Duration.ofSeconds(5)).withHst(false, 1L),
                null,
                new java.util.SplittableRandom(1));
        java.time.Instant t0 = java.time.Instant.parse("2026-03-01T10:00:00Z");
        for (int k = 1; k <= 12; k++) {
            detector.onFedTick(FedTick.of(t0.plusSeconds(5L * (k - 1)), 0.70, 0.70, 0));
            assertThat(detector.runStart()).isEmpty();
        }
        DetectionResult thirteen = detector.onFedTick(FedTick.of(t0.plusSeconds(60), 0.60, 0.60, 0));
        assertThat(thirteen.published()).isEmpty();
        DetectionResult fourteen = detector.onFedTick(FedTick.of(t0.plusSeconds(65), 0.60, 0.60, 0));
        assertThat(fourteen.published()).hasSize(1);
        assertThat(detector.runStart()).contains(t0.plusSeconds(60));
    }
}

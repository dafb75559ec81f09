package com.engagementconductor.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** Test harness: feeds fed ticks T apart from a fixed start and records every result. */
final class DetectorRun {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final AnomalyDetector detector;
    final List<DetectionResult> results = new ArrayList<>();
    private final Duration tick;

    private DetectorRun(DetectorSettings settings, @Nullable HalfSpaceTrees forest) {
        this.detector = new AnomalyDetector(settings, forest, new SplittableRandom(42));
        this.tick = settings.tick();
    }

    /** The test-vector setup of R3.15: HST disabled. */
    static DetectorRun withoutHst(int tickSeconds) {
        return new DetectorRun(
                DetectorSettings.defaults(Duration.ofSeconds(tickSeconds)).withHst(false, 1L), null);
    }

    static DetectorRun withoutHst() {
        return withoutHst(5);
    }

    static DetectorRun withHst(long seed) {
        DetectorSettings settings =
                DetectorSettings.defaults(Duration.ofSeconds(5)).withHst(true, seed);
        return new DetectorRun(settings, new HalfSpaceTrees(seed));
    }

    /** Fed tick k (1-based) is stamped at T·(k − 1) after the start. */
    Instant timeOf(int k) {
        return START.plus(tick.multipliedBy(k - 1L));
    }

    DetectionResult feed(double x) {
        return feed(x, 0.0);
    }

    DetectionResult feed(double x, double leave) {
        return feed(FedTick.of(timeOf(results.size() + 1), x, x, leave));
    }

    DetectionResult feed(FedTick fedTick) {
        DetectionResult result = detector.onFedTick(fedTick);
        results.add(result);
        return result;
    }

    DetectorRun repeat(int times, double x) {
        return repeat(times, x, 0.0);
    }

    DetectorRun repeat(int times, double x, double leave) {
        for (int i = 0; i < times; i++) {
            feed(x, leave);
        }
        return this;
    }

    /** The result of fed tick k (1-based). */
    DetectionResult at(int k) {
        return results.get(k - 1);
    }

    /** All published reports (raises and updates), in order. */
    List<AnomalyReport> published() {
        return results.stream().flatMap(r -> r.published().stream()).toList();
    }

    List<AnomalyReport> raised() {
        return published().stream()
                .filter(r -> r.kind() == AnomalyReport.Kind.RAISED)
                .toList();
    }

    /** Tick numbers on which a raise was published. */
    List<Integer> raiseTicks() {
        return results.stream()
                .filter(r -> r.published().stream().anyMatch(p -> p.kind() == AnomalyReport.Kind.RAISED))
                .map(DetectionResult::tickNumber)
                .toList();
    }

    List<Integer> clearTicks() {
        return results.stream()
                .filter(DetectionResult::cleared)
                .map(DetectionResult::tickNumber)
                .toList();
    }

    List<Integer> deferredTicks() {
        return results.stream()
                .filter(DetectionResult::deferred)
                .map(DetectionResult::tickNumber)
                .toList();
    }

    List<Integer> spikeTicks() {
        return results.stream()
                .filter(r -> r.spike() != null)
                .map(DetectionResult::tickNumber)
                .toList();
    }
}

package com.engagementconductor.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Raising and clearing anomalies from anomalous and normal ticks (R3.11) with the per-type raise cooldown (R3.12).
 * Also issues the WARNING-to-CRITICAL update and the new anomaly on a change to MASS_EXIT or LOW_ENGAGEMENT.
 */
final class Hysteresis {

    /** What one tick did to the anomaly state. */
    record Step(List<AnomalyReport> published, boolean cleared, boolean deferred) {
        static final Step NOTHING = new Step(List.of(), false, false);
        static final Step CLEARED = new Step(List.of(), true, false);
        static final Step DEFERRED = new Step(List.of(), false, true);

        static Step published(AnomalyReport report) {
            return new Step(List.of(report), false, false);
        }
    }

    private final DetectorSettings settings;
    private final RandomGenerator ids;
    private final @Nullable Instant[] lastRaise = new Instant[AnomalyType.values().length];
    private @Nullable AnomalyReport active;
    private int run;
    private @Nullable Instant runStart;
    private double runMax;
    private int normalStreak;

    Hysteresis(DetectorSettings settings, RandomGenerator ids) {
        this.settings = settings;
        this.ids = ids;
    }

    Step step(TickFacts tick) {
        AnomalyType type = tick.type();
        if (type == null) {
            return onNormal();
        }
        normalStreak = 0;
        if (run == 0) {
            runStart = tick.timestamp();
        }
        run++;
        runMax = Math.max(runMax, tick.anomalyScore());
        AnomalyReport current = active;
        if (current == null) {
            boolean due = run >= settings.raiseAfterTicks() || tick.fellAtOnce();
            return due ? raise(type, tick) : Step.NOTHING;
        }
        if (type != current.type() && (type == AnomalyType.MASS_EXIT || type == AnomalyType.LOW_ENGAGEMENT)) {
            return raise(type, tick);
        }
        if (current.severity() == Severity.WARNING && Thresholds.atLeast(runMax, settings.criticalThreshold())) {
            AnomalyReport escalated = report(current.anomalyId(), AnomalyReport.Kind.ESCALATED, current.type(), tick);
            active = escalated;
            return Step.published(escalated);
        }
        return Step.NOTHING;
    }

    /** The first anomalous tick of the current run of anomalous ticks (an anomaly's onset, R7.1). */
    Optional<Instant> runStart() {
        return run == 0 ? Optional.empty() : Optional.ofNullable(runStart);
    }

    Optional<AnomalyReport> active() {
        return Optional.ofNullable(active);
    }

    void clear() {
        Arrays.fill(lastRaise, null);
        active = null;
        run = 0;
        runStart = null;
        runMax = 0;
        normalStreak = 0;
    }

    private Step onNormal() {
        run = 0;
        runStart = null;
        runMax = 0;
        if (active == null) {
            return Step.NOTHING;
        }
        normalStreak++;
        if (normalStreak < settings.clearAfterTicks()) {
            return Step.NOTHING;
        }
        active = null;
        normalStreak = 0;
        return Step.CLEARED;
    }

    /** The cooldown check and the recording of the raise, together (R3.12). */
    private Step raise(AnomalyType type, TickFacts tick) {
        Instant last = lastRaise[type.ordinal()];
        if (last != null && Duration.between(last, tick.timestamp()).compareTo(settings.cooldown()) < 0) {
            return Step.DEFERRED;
        }
        lastRaise[type.ordinal()] = tick.timestamp();
        AnomalyReport raised = report(AnomalyIds.next(ids), AnomalyReport.Kind.RAISED, type, tick);
        active = raised;
        return Step.published(raised);
    }

    private AnomalyReport report(UUID id, AnomalyReport.Kind kind, AnomalyType type, TickFacts tick) {
        Severity severity =
                Thresholds.atLeast(runMax, settings.criticalThreshold()) ? Severity.CRITICAL : Severity.WARNING;
        return new AnomalyReport(
                id,
                kind,
                tick.timestamp(),
                type,
                severity,
                runMax,
                tick.currentEngagement(),
                tick.expectedEngagement(),
                tick.components(),
                tick.detectorWarm());
    }
}

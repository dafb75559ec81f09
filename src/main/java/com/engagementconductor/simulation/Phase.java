package com.engagementconductor.simulation;

import java.time.Duration;
import java.util.Objects;

/**
 * One phase of a scenario timeline (behaviour R8.3): from {@code start} (session time) the latent level moves
 * linearly to {@code targetLevel} over {@code ramp}, attendees leave with {@code leaveHazard} per second, and a
 * mass exit removes {@code exitFractionPerStep} of the connected attendees every {@code exitStep} from
 * {@code start} to {@code start + exitOver} inclusive (rounded half up, chosen at random); a phase with exits moves
 * the level only after them.
 *
 * @param targetLevel the latent level L it reaches, in [0, {@value #MAX_LEVEL}]
 * @param leaveHazard the per-second probability that a connected attendee leaves
 */
public record Phase(
        Duration start,
        PhaseType type,
        double targetLevel,
        Duration ramp,
        double leaveHazard,
        double exitFractionPerStep,
        Duration exitStep,
        Duration exitOver) {

    /** The cap of the latent level L (R8.2). */
    public static final double MAX_LEVEL = 1.2;

    /** The default per-second leave probability h (R8.2). */
    public static final double DEFAULT_LEAVE_HAZARD = 0.0002;

    public Phase {
        Objects.requireNonNull(type, "type");
        requireWholeSeconds("start", start);
        Objects.requireNonNull(ramp, "ramp");
        requireWholeSeconds("exitStep", exitStep);
        requireWholeSeconds("exitOver", exitOver);
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("ramp must not be negative: " + ramp);
        }
        if (!(targetLevel >= 0 && targetLevel <= MAX_LEVEL)) {
            throw new IllegalArgumentException("targetLevel must be in [0, " + MAX_LEVEL + "]: " + targetLevel);
        }
        if (!(leaveHazard >= 0 && leaveHazard <= 1)) {
            throw new IllegalArgumentException("leaveHazard must be in [0, 1]: " + leaveHazard);
        }
        if (!(exitFractionPerStep >= 0 && exitFractionPerStep <= 1)) {
            throw new IllegalArgumentException("exitFractionPerStep must be in [0, 1]: " + exitFractionPerStep);
        }
        if (exitFractionPerStep > 0 && exitStep.isZero()) {
            throw new IllegalArgumentException("exitStep must be positive when exitFractionPerStep > 0: " + exitStep);
        }
    }

    /** A phase that moves the level to {@code level} over {@code ramp}, with the default hazard and no exits. */
    public static Phase of(Duration start, PhaseType type, double level, Duration ramp) {
        return new Phase(start, type, level, ramp, DEFAULT_LEAVE_HAZARD, 0.0, Duration.ZERO, Duration.ZERO);
    }

    /** Baseline: L = 1. */
    public static Phase baseline(Duration start) {
        return of(start, PhaseType.BASELINE, 1.0, Duration.ZERO);
    }

    /** Sudden drop to {@code level} at once (0.45 in the scenarios, 0.35 in the offline evaluation). */
    public static Phase suddenDrop(Duration start, double level) {
        return of(start, PhaseType.SUDDEN_DROP, level, Duration.ZERO);
    }

    /** Gradual decline to 0.35 over 240 s. */
    public static Phase gradualDecline(Duration start) {
        return of(start, PhaseType.GRADUAL_DECLINE, 0.35, Duration.ofSeconds(240));
    }

    /** Low engagement at L = 0.05 at once. */
    public static Phase low(Duration start) {
        return of(start, PhaseType.LOW, 0.05, Duration.ZERO);
    }

    /** Mass exit: 5 % of the connected attendees every 5 s for 20 s, then L = 0.6. */
    public static Phase massExit(Duration start) {
        return new Phase(
                start,
                PhaseType.MASS_EXIT,
                0.6,
                Duration.ZERO,
                DEFAULT_LEAVE_HAZARD,
                0.05,
                Duration.ofSeconds(5),
                Duration.ofSeconds(20));
    }

    /** Recovery to L = 0.9 over 120 s. */
    public static Phase recovery(Duration start) {
        return of(start, PhaseType.RECOVERY, 0.9, Duration.ofSeconds(120));
    }

    /** This phase with another per-second leave hazard. */
    public Phase withLeaveHazard(double hazard) {
        return new Phase(start, type, targetLevel, ramp, hazard, exitFractionPerStep, exitStep, exitOver);
    }

    /** Whether the phase scripts a mass exit. */
    public boolean hasExits() {
        return exitFractionPerStep > 0;
    }

    long startSecond() {
        return start.getSeconds();
    }

    /** The second at which the level starts to move: after the exits, if any. */
    long levelStartSecond() {
        return hasExits() ? start.getSeconds() + exitOver.getSeconds() : start.getSeconds();
    }

    /** The exit fraction at a session second, or 0. */
    double exitFractionAt(long second) {
        if (!hasExits() || second < startSecond() || second > startSecond() + exitOver.getSeconds()) {
            return 0.0;
        }
        return (second - startSecond()) % exitStep.getSeconds() == 0 ? exitFractionPerStep : 0.0;
    }

    private static void requireWholeSeconds(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be a non-negative whole number of seconds: " + d);
        }
    }
}

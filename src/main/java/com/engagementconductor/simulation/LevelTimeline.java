package com.engagementconductor.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The latent level L(t), the leave hazard and the scripted exits of a scenario, per session second (R8.3).
 * A phase takes the level over at its level start, from the value the earlier phases had reached then, and moves
 * it linearly to its target over its ramp. Phases may be added while a simulation runs (scripted responses).
 */
final class LevelTimeline {
    private final List<Phase> phases;
    private double[] from = new double[0];

    LevelTimeline(List<Phase> phases) {
        this.phases = new ArrayList<>(phases);
        recompute();
    }

    /** Adds a phase after every phase that starts no later than it. */
    void add(Phase phase) {
        int i = phases.size();
        while (i > 0 && phases.get(i - 1).start().compareTo(phase.start()) > 0) {
            i--;
        }
        phases.add(i, phase);
        recompute();
    }

    /** L at a session second. */
    double level(long second) {
        return levelOf(governing(second), second);
    }

    /** The per-second leave probability at a session second. */
    double hazard(long second) {
        return phases.get(governing(second)).leaveHazard();
    }

    /** The phase in force at a session second. */
    Phase phaseAt(long second) {
        return phases.get(governing(second));
    }

    /** The fraction of connected attendees that a scripted exit removes at this second, or 0. */
    double exitFraction(long second) {
        double fraction = 0.0;
        for (Phase p : phases) {
            fraction = Math.max(fraction, p.exitFractionAt(second));
        }
        return fraction;
    }

    private int governing(long second) {
        int g = 0;
        for (int i = 1; i < phases.size() && phases.get(i).startSecond() <= second; i++) {
            g = i;
        }
        return g;
    }

    /** The level of phase i (and the phases before it) at a second at or after the phase's start. */
    private double levelOf(int i, long second) {
        Phase p = phases.get(i);
        long levelStart = p.levelStartSecond();
        if (second < levelStart) {
            return i == 0 ? from[0] : levelOf(i - 1, second);
        }
        double rampSeconds = p.ramp().toMillis() / 1000.0;
        double progress = rampSeconds <= 0 ? 1.0 : (second - levelStart) / rampSeconds;
        return progress >= 1.0 ? p.targetLevel() : from[i] + (p.targetLevel() - from[i]) * progress;
    }

    private void recompute() {
        from = new double[phases.size()];
        from[0] = phases.get(0).targetLevel();
        for (int i = 1; i < phases.size(); i++) {
            from[i] = levelOf(i - 1, phases.get(i).levelStartSecond());
        }
    }
}

package com.engagementconductor.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The latent level L(t), the leave hazard and the scripted exits of a scenario, per session second (R8.3).
 * A phase takes the level over at its level start, from the value the earlier phases had reached then, and moves
 * it linearly to its target over its ramp. Phases may be added while a simulation runs (scripted responses).
 *
 * <p>Audience responses to interventions (R8.4) are boosts added on top of the phases' level: each rises linearly
 * from its start over {@link GroundTruth#RISE_SECONDS}, then decays with half-life {@link
 * GroundTruth#HALF_LIFE_SECONDS}; the sum is capped at {@link Phase#MAX_LEVEL}. A leave relief multiplies the
 * phases' hazard over its seconds. Neither changes the phase in force, which stays the hidden true cause.
 */
final class LevelTimeline {
    /** A response boost of L starting at a (fractional) session second. */
    private record Boost(double startSecond, double amount) {
        double at(long second) {
            double t = second - startSecond;
            if (t <= 0) {
                return 0.0;
            }
            if (t < GroundTruth.RISE_SECONDS) {
                return amount * t / GroundTruth.RISE_SECONDS;
            }
            return amount * Math.pow(0.5, (t - GroundTruth.RISE_SECONDS) / GroundTruth.HALF_LIFE_SECONDS);
        }
    }

    /** A factor on the leave hazard over the session seconds [from, until). */
    private record Relief(long from, long until, double factor) {}

    private final List<Phase> phases;
    private final List<Boost> boosts = new ArrayList<>();
    private final List<Relief> reliefs = new ArrayList<>();
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

    /**
     * Adds a response boost of L by {@code amount} that starts rising at {@code startSecond} (R8.4).
     *
     * @param startSecond the session time at which the rise starts, in seconds (may be fractional)
     */
    void addBoost(double startSecond, double amount) {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("amount must be finite and non-negative: " + amount);
        }
        boosts.add(new Boost(startSecond, amount));
    }

    /** Multiplies the leave hazard by {@code factor} over the session seconds [from, until). */
    void addLeaveRelief(long fromSecond, long untilSecond, double factor) {
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in [0, 1]: " + factor);
        }
        reliefs.add(new Relief(fromSecond, untilSecond, factor));
    }

    /** L at a session second: the phases' level plus the response boosts, within [0, MAX_LEVEL]. */
    double level(long second) {
        double level = levelOf(governing(second), second);
        for (Boost b : boosts) {
            level += b.at(second);
        }
        return Math.max(0.0, Math.min(Phase.MAX_LEVEL, level));
    }

    /** The per-second leave probability at a session second. */
    double hazard(long second) {
        double h = phases.get(governing(second)).leaveHazard();
        for (Relief r : reliefs) {
            if (second >= r.from() && second < r.until()) {
                h *= r.factor();
            }
        }
        return h;
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

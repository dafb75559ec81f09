package com.engagementconductor.simulation;

import com.engagementconductor.shared.InterventionType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hidden ground truth of behaviour R8.4: for each true cause of an anomaly phase, how the audience answers each
 * intervention. Visible only to the simulator and the offline evaluation (R8.6), never to the agent.
 *
 * <p>An intervention executed while a phase of cause X is in force gets a response with probability
 * {@link Effect#probability() p}. A response starts after a uniform delay of {@value #MIN_DELAY_SECONDS}–{@value
 * #MAX_DELAY_SECONDS} s, then raises the latent level L linearly over {@value #RISE_SECONDS} s by Δ ÷ κ
 * ({@link #KAPPA}), after which the boost decays with a half-life of {@value #HALF_LIFE_SECONDS} s; L stays capped at
 * {@link Phase#MAX_LEVEL}. {@code NOTIFICATION} during {@code MASS_EXIT} also halves the leave hazard for
 * {@value #LEAVE_RELIEF_SECONDS} s from the start of its response.
 *
 * <p>The constants are named after the anomaly types they stand for, so {@code GroundTruth.valueOf(type.name())}
 * maps a raised anomaly type to the cause of the same name.
 */
public enum GroundTruth {
    SUDDEN_DROP(effect(0.70, 0.25), effect(0.50, 0.12), effect(0.30, 0.08), effect(0.45, 0.18)),
    GRADUAL_DECLINE(effect(0.55, 0.15), effect(0.45, 0.10), effect(0.35, 0.10), effect(0.65, 0.20)),
    LOW_ENGAGEMENT(effect(0.50, 0.15), effect(0.30, 0.08), effect(0.55, 0.20), effect(0.60, 0.22)),
    MASS_EXIT(effect(0.35, 0.08), effect(0.40, 0.10), effect(0.60, 0.15), effect(0.25, 0.06));

    /**
     * The calibration slope of the published score against L between L = 0.45 and L = 1.0 (R8.2: (0.83 − 0.53) ÷
     * 0.55): a response of Δ on the score scale moves L by Δ ÷ κ.
     */
    public static final double KAPPA = 0.54;

    /** The earliest start of a response after the execution, in seconds. */
    public static final double MIN_DELAY_SECONDS = 5.0;

    /** The latest start of a response after the execution, in seconds. */
    public static final double MAX_DELAY_SECONDS = 15.0;

    /** How long the level takes to rise by the full boost, in seconds. */
    public static final double RISE_SECONDS = 20.0;

    /** The half-life of the boost once it has risen, in seconds. */
    public static final double HALF_LIFE_SECONDS = 600.0;

    /** How long a responding {@code NOTIFICATION} during {@code MASS_EXIT} halves the leave hazard, in seconds. */
    public static final long LEAVE_RELIEF_SECONDS = 300;

    /** The factor applied to the leave hazard during that relief. */
    public static final double LEAVE_RELIEF_FACTOR = 0.5;

    /**
     * How the audience answers one arm under one cause.
     *
     * @param probability p, the probability that the audience responds
     * @param delta Δ, the response on the score scale
     */
    public record Effect(double probability, double delta) {

        public Effect {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
            }
            if (!(delta >= 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("delta must be finite and non-negative: " + delta);
            }
        }

        /** The arm's value p·Δ, the expected response on the score scale. */
        public double value() {
            return probability * delta;
        }

        /** The rise of L when the audience responds: Δ ÷ κ. */
        public double levelBoost() {
            return delta / KAPPA;
        }
    }

    private final Map<InterventionType, Effect> effects;

    GroundTruth(Effect poll, Effect broadcast, Effect notification, Effect gamification) {
        EnumMap<InterventionType, Effect> map = new EnumMap<>(InterventionType.class);
        map.put(InterventionType.POLL, poll);
        map.put(InterventionType.BROADCAST, broadcast);
        map.put(InterventionType.NOTIFICATION, notification);
        map.put(InterventionType.GAMIFICATION, gamification);
        this.effects = map;
    }

    /** The true cause of a phase type: the four drop types, {@code LOW} being {@link #LOW_ENGAGEMENT}. */
    public static Optional<GroundTruth> of(PhaseType type) {
        return switch (Objects.requireNonNull(type, "type")) {
            case SUDDEN_DROP -> Optional.of(SUDDEN_DROP);
            case GRADUAL_DECLINE -> Optional.of(GRADUAL_DECLINE);
            case LOW -> Optional.of(LOW_ENGAGEMENT);
            case MASS_EXIT -> Optional.of(MASS_EXIT);
            case BASELINE, RECOVERY -> Optional.empty();
        };
    }

    /** The phase type whose true cause this is. */
    public PhaseType phaseType() {
        return switch (this) {
            case SUDDEN_DROP -> PhaseType.SUDDEN_DROP;
            case GRADUAL_DECLINE -> PhaseType.GRADUAL_DECLINE;
            case LOW_ENGAGEMENT -> PhaseType.LOW;
            case MASS_EXIT -> PhaseType.MASS_EXIT;
        };
    }

    /** The response of the audience to an arm under this cause. */
    public Effect effect(InterventionType arm) {
        return effects.get(Objects.requireNonNull(arm, "arm"));
    }

    /** The value p·Δ of an arm under this cause. */
    public double value(InterventionType arm) {
        return effect(arm).value();
    }

    /** The arm with the highest value (ties to the earliest arm; the table has none). */
    public InterventionType oracle() {
        InterventionType best = InterventionType.POLL;
        for (InterventionType arm : InterventionType.values()) {
            if (value(arm) > value(best)) {
                best = arm;
            }
        }
        return best;
    }

    /** The oracle arm's value. */
    public double oracleValue() {
        return value(oracle());
    }

    /** Whether a response to this arm also halves the leave hazard ({@code NOTIFICATION} during MASS_EXIT). */
    public boolean relievesLeaving(InterventionType arm) {
        return this == MASS_EXIT && arm == InterventionType.NOTIFICATION;
    }

    private static Effect effect(double probability, double delta) {
        return new Effect(probability, delta);
    }
}

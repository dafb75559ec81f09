package com.engagementconductor.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named timeline of phases (behaviour R8.3) and the simulated time after which it stops. The named scenarios
 * ({@link #named}) run 30 simulated minutes; tests build their own, for example a constant level for an hour.
 */
public record Scenario(String name, List<Phase> phases, Duration maxDuration) {

    /** How long the named scenarios run (R8.3, contracts §4.16). */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(30);

    /** When the anomaly phase of the named drop scenarios starts: after 180 s of baseline. */
    public static final Duration ANOMALY_ONSET = Duration.ofSeconds(180);

    /** The sudden-drop level of the named scenario (0.35 is used by the offline evaluation). */
    public static final double SUDDEN_DROP_LEVEL = 0.45;

    /** The baseline before the anomaly phase of an offline-evaluation episode (R8.6). */
    public static final Duration OFFLINE_BASELINE = Duration.ofSeconds(300);

    /** How long an offline-evaluation episode runs after the onset of its anomaly phase (R8.6). */
    public static final Duration OFFLINE_OBSERVATION = Duration.ofSeconds(700);

    /** The sudden-drop level of the offline evaluation (R8.3). */
    public static final double OFFLINE_SUDDEN_DROP_LEVEL = 0.35;

    /** The name of the demo scenario (R8.5). */
    public static final String DEMO = "demo";

    private static final List<String> NAMES =
            List.of("steady", "sudden_drop", "gradual_decline", "low_engagement", "mass_exit", DEMO);

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank: '" + name + "'");
        }
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("phases must not be empty: scenario " + name);
        }
        if (!phases.get(0).start().isZero()) {
            throw new IllegalArgumentException(
                    "the first phase must start at 0 s: " + phases.get(0).start() + " in scenario " + name);
        }
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).start().compareTo(phases.get(i - 1).start()) < 0) {
                throw new IllegalArgumentException("phases must be ordered by start: "
                        + phases.get(i).start() + " after " + phases.get(i - 1).start() + " in scenario " + name);
            }
        }
        if (maxDuration.isNegative() || maxDuration.isZero() || maxDuration.getNano() != 0) {
            throw new IllegalArgumentException(
                    "maxDuration must be a positive whole number of seconds: " + maxDuration);
        }
    }

    /**
     * The scenario of contracts §4.16 with this name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Scenario named(String name) {
        if (DEMO.equals(name)) {
            return DemoScript.scenario();
        }
        Duration onset = ANOMALY_ONSET;
        List<Phase> phases =
                switch (name) {
                    case "steady" -> List.of(Phase.baseline(Duration.ZERO));
                    case "sudden_drop" -> List.of(
                            Phase.baseline(Duration.ZERO), Phase.suddenDrop(onset, SUDDEN_DROP_LEVEL));
                    case "gradual_decline" -> List.of(Phase.baseline(Duration.ZERO), Phase.gradualDecline(onset));
                    case "low_engagement" -> List.of(Phase.low(Duration.ZERO));
                    case "mass_exit" -> List.of(Phase.baseline(Duration.ZERO), Phase.massExit(onset));
                    default -> throw new IllegalArgumentException("scenario must be one of " + NAMES + ": " + name);
                };
        return new Scenario(name, phases, DEFAULT_MAX_DURATION);
    }

    /** The names {@link #named} accepts, {@code demo} last. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * One episode of the offline evaluation (R8.6): {@link #OFFLINE_BASELINE} of baseline, then the standard phase of
     * the cause (sudden drop to {@value #OFFLINE_SUDDEN_DROP_LEVEL}, gradual decline to 0.35 over 240 s, low at 0.05,
     * or the mass exit), observed for {@link #OFFLINE_OBSERVATION}.
     */
    public static Scenario offlineEpisode(GroundTruth cause) {
        Phase anomaly =
                switch (cause) {
                    case SUDDEN_DROP -> Phase.suddenDrop(OFFLINE_BASELINE, OFFLINE_SUDDEN_DROP_LEVEL);
                    case GRADUAL_DECLINE -> Phase.gradualDecline(OFFLINE_BASELINE);
                    case LOW_ENGAGEMENT -> Phase.low(OFFLINE_BASELINE);
                    case MASS_EXIT -> Phase.massExit(OFFLINE_BASELINE);
                };
        return new Scenario(
                "offline_" + cause.name().toLowerCase(Locale.ROOT),
                List.of(Phase.baseline(Duration.ZERO), anomaly),
                OFFLINE_BASELINE.plus(OFFLINE_OBSERVATION));
    }

    /** A room held at one latent level for the given time, with the default leave hazard. */
    public static Scenario steady(double level, Duration maxDuration) {
        return new Scenario(
                "steady@" + level,
                List.of(Phase.of(Duration.ZERO, PhaseType.BASELINE, level, Duration.ZERO)),
                maxDuration);
    }

    /** The same timeline, stopping after another simulated time. */
    public Scenario withMaxDuration(Duration duration) {
        return new Scenario(name, phases, duration);
    }
}

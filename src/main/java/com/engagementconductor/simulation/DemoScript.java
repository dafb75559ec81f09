package com.engagementconductor.simulation;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scripted parts of the demo (behaviour R8.5) around the audience model: the organizer poll that opens 120 s
 * before the visible part and stays open, the forced audience response to the agent's poll (5 s after execution L
 * rises linearly to 0.95 over 30 s), and the end, 60 s after execution.
 *
 * <p>Session time 0 of R8.5's table is simulated second {@link #PRE_ROLL_SECONDS}: the sessions of this product run on
 * the one application clock, so the 150-s pre-roll that fills the windows and warms the detector is simulated in
 * real time like the rest, before the visible part. Not thread-safe: the run's lock guards it.
 */
final class DemoScript {
    /** The pre-roll before the visible part (R8.5). */
    static final long PRE_ROLL_SECONDS = 150;

    /** The organizer poll opens 120 s before the visible part. */
    static final long ORGANIZER_POLL_SECOND = PRE_ROLL_SECONDS - 120;

    /** The room goes quiet at session time 40 s (after tick 9). */
    static final long QUIET_SECOND = PRE_ROLL_SECONDS + 40;

    /** The quiet room's level (L 1.0 → 0.40). */
    static final double QUIET_LEVEL = 0.40;

    static final long RESPONSE_DELAY_SECONDS = 5;
    static final Duration RESPONSE_RAMP = Duration.ofSeconds(30);
    static final double RESPONSE_LEVEL = 0.95;

    /** The demo ends this long after the agent's poll is executed, when that poll closes. */
    static final long RUN_AFTER_EXECUTION_SECONDS = 60;

    /** Without an executed poll (in MANUAL nobody approved, or it was rejected) the demo ends at session time 300 s. */
    static final long LONGEST_VISIBLE_SECONDS = 300;

    /** The enthusiastic room of the demo: vote probability min(0.95, 0.8·L). */
    static final double VOTE_SLOPE = 0.8;

    static final String ORGANIZER_POLL_ID = "demo-organizer-poll";
    static final List<String> ORGANIZER_POLL_OPTIONS = List.of("1", "2", "3", "4");

    private boolean organizerPollOpened;
    private @Nullable Long executedSecond;

    /** The demo's timeline: baseline, then the quiet room at {@link #QUIET_SECOND}. */
    static Scenario scenario() {
        return new Scenario(
                "demo",
                List.of(Phase.baseline(Duration.ZERO), Phase.suddenDrop(Duration.ofSeconds(QUIET_SECOND), QUIET_LEVEL)),
                Duration.ofSeconds(PRE_ROLL_SECONDS + LONGEST_VISIBLE_SECONDS));
    }

    static AudienceModel model() {
        return AudienceModel.defaults().withVoteSlope(VOTE_SLOPE);
    }

    /** Before each simulated second: the organizer opens a poll at its second. */
    void beforeStep(AudienceSimulator simulator) {
        if (!organizerPollOpened && simulator.elapsed().getSeconds() >= ORGANIZER_POLL_SECOND) {
            organizerPollOpened = true;
            simulator.pollOpened(ORGANIZER_POLL_ID, ORGANIZER_POLL_OPTIONS);
        }
    }

    /**
     * The agent's poll reached the simulated attendees (its execution): the forced response is scheduled and the
     * end set. Only the first poll counts.
     */
    void agentPollExecuted(AudienceSimulator simulator) {
        if (executedSecond != null) {
            return;
        }
        long now = simulator.elapsed().getSeconds();
        executedSecond = now;
        simulator.schedulePhase(Phase.of(
                Duration.ofSeconds(now + RESPONSE_DELAY_SECONDS), PhaseType.RECOVERY, RESPONSE_LEVEL, RESPONSE_RAMP));
    }

    /** Whether the demo is over: 60 s after execution, or at its longest. */
    boolean over(AudienceSimulator simulator) {
        Long executed = executedSecond;
        return simulator.finished()
                || (executed != null && simulator.elapsed().getSeconds() >= executed + RUN_AFTER_EXECUTION_SECONDS);
    }
}

package com.engagementconductor.simulation;

import com.engagementconductor.scoring.EngagementScorer;
import com.engagementconductor.scoring.Score;
import com.engagementconductor.scoring.ScoreVersion;
import com.engagementconductor.signals.SessionWindow;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalType;
import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test harness: drives a simulator through the real pipeline on the virtual clock. Every simulated second's events
 * go into a {@link SessionWindow} observing from the start instant; every 5 s (first tick at 5 s, so the ticks of
 * the first 60 s are partial, R1.9) the window is sampled and scored with {@code v2}.
 */
final class SimulatedSession {
    static final Duration TICK = Duration.ofSeconds(5);
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final String SESSION_ID = "sim-session";
    private static final int MIN_AUDIENCE = 3;

    private final AudienceSimulator simulator;
    private final SessionWindow window;
    private final EngagementScorer scorer = new EngagementScorer(ScoreVersion.V2);
    private boolean started;

    /** One scored tick. {@code second} counts from the session start. */
    record ScoredTick(long second, SignalsSnapshot signals, Score score) {
        /** Whether the detector consumes this tick: a full window and enough audience (R1.9, R1.10). */
        boolean fed() {
            return !signals.partialWindow() && signals.audience() >= MIN_AUDIENCE;
        }

        Instant at() {
            return signals.timestamp();
        }
    }

    SimulatedSession(AudienceSimulator simulator) {
        this.simulator = simulator;
        this.window = new SessionWindow(simulator.now());
    }

    static SimulatedSession of(Scenario scenario, int attendees, long seed) {
        return new SimulatedSession(new AudienceSimulator(scenario, attendees, seed, START));
    }

    AudienceSimulator simulator() {
        return simulator;
    }

    /** Simulates up to the given session time (or the scenario's end), handing each tick to the observer. */
    void run(Duration until, Consumer<ScoredTick> observer) {
        long last = until.getSeconds();
        while (!simulator.finished() && (!started || simulator.elapsed().getSeconds() < last)) {
            started = true;
            for (AudienceEvent e : simulator.step()) {
                window.record(toSignal(e));
            }
            long second = simulator.elapsed().getSeconds();
            if (second > 0 && second % TICK.getSeconds() == 0) {
                Instant t = simulator.now();
                SignalsSnapshot snapshot = window.sample(t);
                observer.accept(new ScoredTick(second, snapshot, scorer.score(snapshot)));
            }
        }
    }

    /** Simulates up to the given session time and returns every tick. */
    List<ScoredTick> run(Duration until) {
        List<ScoredTick> ticks = new ArrayList<>();
        run(until, ticks::add);
        return ticks;
    }

    static Signal toSignal(AudienceEvent e) {
        SignalType type = SignalType.fromWire(e.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown signal type: " + e.type()));
        return new Signal(type, SESSION_ID, e.userId(), e.timestamp(), e.pollId(), null);
    }
}

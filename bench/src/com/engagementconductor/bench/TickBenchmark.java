package com.engagementconductor.bench;

import com.engagementconductor.anomaly.AnomalyDetector;
import com.engagementconductor.anomaly.DetectionResult;
import com.engagementconductor.anomaly.DetectorSettings;
import com.engagementconductor.anomaly.FedTick;
import com.engagementconductor.anomaly.HalfSpaceTrees;
import com.engagementconductor.scoring.EngagementScorer;
import com.engagementconductor.scoring.Score;
import com.engagementconductor.scoring.ScoreVersion;
import com.engagementconductor.signals.SessionWindow;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalType;
import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One tick for many live sessions on one thread: sample the window, score, and run the detector (HST on and
 * warm). Each session has 100 connected users with steady activity; the tick time advances 5 s per invocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class TickBenchmark {
    @Param({"10000"})
    int sessions;

    private SessionWindow[] windows;
    private AnomalyDetector[] detectors;
    private final EngagementScorer scorer = new EngagementScorer(ScoreVersion.V2);
    private Instant t;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        HalfSpaceTrees forest = new HalfSpaceTrees(1L);
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(5));
        RandomGenerator ids = new SplittableRandom(7);
        random = new SplittableRandom(3);
        windows = new SessionWindow[sessions];
        detectors = new AnomalyDetector[sessions];
        for (int i = 0; i < sessions; i++) {
            windows[i] = new SessionWindow(t0);
            for (int u = 0; u < 100; u++) {
                windows[i].record(Signal.of(SignalType.JOIN, "s" + i, "u" + u, t0));
            }
            detectors[i] = new AnomalyDetector(settings, forest, ids);
        }
        t = t0;
        for (int k = 0; k < 80; k++) { // full windows, warm detector and HST
            advance();
            tickAll(null);
        }
    }

    /** Adds about five seconds of activity per session (done outside the measured tick in steady state). */
    private void advance() {
        t = t.plusSeconds(5);
        for (int i = 0; i < windows.length; i++) {
            for (int k = 0; k < 4; k++) {
                windows[i].record(Signal.of(
                        k % 2 == 0 ? SignalType.CHAT : SignalType.REACTION, "s" + i, "u" + random.nextInt(100), t));
            }
        }
    }

    private long tickAll(Blackhole bh) {
        long raised = 0;
        for (int i = 0; i < windows.length; i++) {
            SignalsSnapshot s = windows[i].sample(t);
            Score score = scorer.score(s);
            DetectionResult r = detectors[i].onFedTick(new FedTick(
                    t,
                    score.detection(),
                    score.published(),
                    score.leaveRate(),
                    score.chatN(),
                    score.reactN(),
                    score.activeN()));
            raised += r.published().size();
            if (bh != null) {
                bh.consume(r);
            }
        }
        return raised;
    }

    @Setup(Level.Invocation)
    public void nextTick() {
        advance();
    }

    @Benchmark
    public long tick(Blackhole bh) {
        return tickAll(bh);
    }
}

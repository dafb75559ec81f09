package com.engagementconductor.bench;

import com.engagementconductor.signals.SessionWindow;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalType;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signal ingestion into one session's window on one thread: a mix of chat, reactions, Q&A and votes from 100
 * connected users over 50 s, 200 signals per second, in time order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IngestionBenchmark {
    private static final int BATCH = 10_000;
    private Signal[] signals;
    private SessionWindow window;

    private Signal[] joins;

    @Setup(Level.Trial)
    public void setUp() {
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        joins = new Signal[100];
        for (int u = 0; u < 100; u++) {
            joins[u] = Signal.of(SignalType.JOIN, "s", "user-" + u, t0);
        }
        SplittableRandom random = new SplittableRandom(1);
        SignalType[] mix = {
            SignalType.CHAT,
            SignalType.REACTION,
            SignalType.REACTION,
            SignalType.QA_UPVOTE,
            SignalType.CHAT,
            SignalType.POLL_VOTE,
            SignalType.QA_QUESTION,
            SignalType.REACTION
        };
        signals = new Signal[BATCH];
        for (int i = 0; i < BATCH; i++) {
            SignalType type = mix[random.nextInt(mix.length)];
            String user = "user-" + random.nextInt(100);
            Instant at = t0.plusMillis(1000L + i * 5L);
            signals[i] = type == SignalType.POLL_VOTE
                    ? Signal.poll(type, "s", user, at, "poll-1")
                    : Signal.of(type, "s", user, at);
        }
    }

    /** A fresh window with 100 connected users, so every measured signal takes the in-order path. */
    @Setup(Level.Invocation)
    public void freshWindow() {
        window = new SessionWindow(joins[0].timestamp());
        for (Signal join : joins) {
            window.record(join);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public SessionWindow record() {
        for (Signal s : signals) {
            window.record(s);
        }
        return window;
    }
}

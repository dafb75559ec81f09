package com.engagementconductor.bench;

import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmStats;
import com.engagementconductor.decision.BanditSettings;
import com.engagementconductor.decision.BetaDistribution;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.DecisionRequest;
import com.engagementconductor.decision.InMemoryBanditStatistics;
import com.engagementconductor.decision.InterventionPolicy;
import com.engagementconductor.decision.PolicyChoice;
import com.engagementconductor.decision.Scope;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.decision.ThompsonSampling;
import java.util.EnumSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bandit's goals of R4.8: one selection (one Beta draw for each of 4 eligible arms) ≤ 1 µs, and a full
 * decision over in-memory statistics (load three scopes × {context, aggregate}, back-off, eligibility with the
 * floor, selection and the 1,000-round probability-best) ≤ 1 ms.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BanditBenchmark {
    private static final ContextKey CONTEXT = ContextKey.parse("SUDDEN_DROP_low_medium_severe");

    private ThompsonSampling sampling;
    private BetaDistribution[] fourArms;
    private double[][] shapes;
    private InterventionPolicy policy;
    private DecisionRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        sampling = new ThompsonSampling(new SplittableRandom(1));
        shapes = new double[][] {{16.5, 1.0}, {1.0, 16.9}, {4.2, 3.1}, {1.0, 1.0}};
        fourArms = new BetaDistribution[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            fourArms[i] = new BetaDistribution(shapes[i][0], shapes[i][1]);
        }

        InMemoryBanditStatistics stats = new InMemoryBanditStatistics();
        ScopeChain chain = ScopeChain.of("org_1", "evt_1");
        Scope[] scopes = chain.widestFirst().toArray(new Scope[0]);
        for (int s = 0; s < scopes.length; s++) {
            double weight = 1.0 / (s + 1); // wider scopes hold more evidence, so the back-off borrows
            put(stats, scopes[s], Arm.POLL, new ArmStats(1 + 12 * weight, 1 + 4 * weight, Math.round(16 * weight)));
            put(stats, scopes[s], Arm.BROADCAST, new ArmStats(1 + 3 * weight, 1 + 6 * weight, Math.round(9 * weight)));
            put(
                    stats,
                    scopes[s],
                    Arm.NOTIFICATION,
                    new ArmStats(1 + 2 * weight, 1 + 2 * weight, Math.round(4 * weight)));
        }
        policy = new InterventionPolicy(BanditSettings.defaults(), stats, new SplittableRandom(2));
        request = new DecisionRequest(chain, CONTEXT, EnumSet.allOf(Arm.class), Map.of(), true, 0.5);
    }

    private static void put(InMemoryBanditStatistics stats, Scope scope, Arm arm, ArmStats armStats) {
        stats.put(scope, CONTEXT.value(), arm, armStats);
        stats.put(scope, CONTEXT.anomalyTypeKey(), arm, armStats);
    }

    /** R4.7: one Beta draw per eligible arm (4) and the largest, posteriors already built. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int selection() {
        return sampling.select(fourArms);
    }

    /** The same selection including building the four Beta distributions from α̃ and β̃. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int selectionFromPosteriors() {
        BetaDistribution[] arms = new BetaDistribution[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            arms[i] = new BetaDistribution(shapes[i][0], shapes[i][1]);
        }
        return sampling.select(arms);
    }

    /** R4.5–R4.8: a full decision with 1,000-round probability-best over in-memory statistics. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PolicyChoice decision() {
        return policy.decide(request);
    }
}

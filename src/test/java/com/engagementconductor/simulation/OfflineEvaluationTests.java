package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.engagementconductor.simulation.OfflineEvaluation.Episode;
import com.engagementconductor.simulation.OfflineEvaluation.Policy;
import com.engagementconductor.simulation.OfflineEvaluation.PolicyResult;
import com.engagementconductor.simulation.OfflineEvaluation.Report;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline evaluation of R8.6, seeded and fixed: the determinism checks and the release gate. K is the full
 * {@value #TEST_EPISODES} (5 policies × 800 episodes take about 6 s on 2 cores) unless {@code -Doffline.k=…} says
 * otherwise; the table and its supporting lines go to stdout for BENCHMARKS.md.
 */
class OfflineEvaluationTests {
    static final int TEST_EPISODES = OfflineEvaluation.DEFAULT_EPISODES;
    static final int EPISODES = Integer.getInteger("offline.k", TEST_EPISODES);

    private static Report report;

    @BeforeAll
    static void evaluate() {
        report = OfflineEvaluation.run(EPISODES, OfflineEvaluation.DEFAULT_SEED);
        report.table().forEach(System.out::println);
        report.details().forEach(System.out::println);
    }

    @Test
    void theOracleHasNoRegret() {
        PolicyResult oracle = report.of(Policy.ORACLE);

        assertThat(oracle.cumulativeRegret()).isZero();
        assertThat(oracle.decisions())
                .allSatisfy(e -> assertThat(e.arm()).isEqualTo(e.cause().oracle()));
    }

    @Test
    void noInterventionRegretIsTheSumOfTheOracleValues() {
        PolicyResult none = report.of(Policy.NONE);

        assertThat(none.cumulativeRegret()).isCloseTo(report.sumOfOracleValues(), within(1e-9));
        assertThat(none.decisions()).allSatisfy(e -> assertThat(e.arm()).isNull());
    }

    @Test
    void everyPolicyMeetsTheSameEpisodesUpToItsDecision() {
        List<Episode> reference = report.of(Policy.NONE).episodes();
        assertThat(reference).hasSize(EPISODES);
        assertThat(reference.stream().filter(Episode::decided).count()).isGreaterThan(EPISODES * 9L / 10);
        for (Policy p : Policy.values()) {
            List<Episode> episodes = report.of(p).episodes();
            for (int i = 0; i < EPISODES; i++) {
                Episode e = episodes.get(i);
                Episode r = reference.get(i);
                assertThat(List.of(e.seed(), e.cause(), e.raisedSecond()))
                        .as("%s episode %d", p, i)
                        .isEqualTo(List.of(r.seed(), r.cause(), r.raisedSecond()));
                assertThat(e.raisedType()).as("%s episode %d", p, i).isEqualTo(r.raisedType());
                assertThat(e.context()).as("%s episode %d", p, i).isEqualTo(r.context());
            }
        }
    }

    @Test
    void theCausesCycleInAFixedOrder() {
        List<Episode> episodes = report.of(Policy.BANDIT).episodes();

        assertThat(episodes.subList(0, 8))
                .extracting(Episode::cause)
                .containsExactly(
                        GroundTruth.SUDDEN_DROP,
                        GroundTruth.GRADUAL_DECLINE,
                        GroundTruth.LOW_ENGAGEMENT,
                        GroundTruth.MASS_EXIT,
                        GroundTruth.SUDDEN_DROP,
                        GroundTruth.GRADUAL_DECLINE,
                        GroundTruth.LOW_ENGAGEMENT,
                        GroundTruth.MASS_EXIT);
    }

    // The orderings of the release gate of R8.6 that hold, one per test; the comparison with always-POLL is
    // reported in BENCHMARKS.md.

    @Test
    void releaseGateTheBanditHasLessRegretThanUniformRandom() {
        assertThat(report.of(Policy.BANDIT).perEpisodeRegret())
                .isLessThan(report.of(Policy.RANDOM).perEpisodeRegret());
    }

    @Test
    void releaseGateTheBanditHasLessRegretOverItsLastEpisodesThanOverItsFirst() {
        PolicyResult bandit = report.of(Policy.BANDIT);

        assertThat(bandit.lastWindowRegret()).isLessThan(bandit.firstWindowRegret());
    }
}

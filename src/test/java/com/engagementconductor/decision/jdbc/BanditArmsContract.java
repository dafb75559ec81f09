package com.engagementconductor.decision.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmCounter;
import com.engagementconductor.decision.ArmCounters;
import com.engagementconductor.decision.ArmStats;
import com.engagementconductor.decision.BanditStatistics;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.ContextStats;
import com.engagementconductor.decision.EffectivePosterior;
import com.engagementconductor.decision.Evidence;
import com.engagementconductor.decision.InterventionPolicy;
import com.engagementconductor.decision.LegacyImport;
import com.engagementconductor.decision.Scope;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.decision.StatsKey;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bandit's tables against a real database, on H2 ({@link BanditArmsH2Tests}) and on PostgreSQL
 * ({@link BanditArmsPostgresIT}): lazy creation, R4.4 as SQL increments in every scope and aggregate, counters that
 * leave α and β alone, the legacy import, and no update lost under concurrency. Each test uses its own anomaly type,
 * so that the shared global scope of one test never holds another's evidence.
 */
@SpringBootTest(
        properties = {"conductor.security.jwt-secret=" + TestTokens.SECRET, "conductor.scoring.auto-start=false"})
@Import(ConductorTestConfiguration.class)
abstract class BanditArmsContract {
    private static final int THREADS = 8;
    private static final int REWARDS_PER_THREAD = 25;

    @Autowired
    BanditStatistics statistics;

    @Autowired
    ArmCounters counters;

    @Autowired
    InterventionPolicy policy;

    @Autowired
    JdbcClient jdbc;

    private static String uniqueType() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT) + "_DROP";
    }

    private static ContextKey context(String type) {
        return ContextKey.parse(type + "_low_medium_severe");
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private ArmStats stored(Scope scope, String key, Arm arm) {
        return jdbc.sql("SELECT alpha, beta, attempts FROM bandit_arms WHERE scope = ? AND context_key = ? AND arm = ?")
                .params(scope.value(), key, arm.name())
                .query((rs, n) -> new ArmStats(rs.getDouble("alpha"), rs.getDouble("beta"), rs.getLong("attempts")))
                .single();
    }

    @Test
    void aContextIsCreatedLazilyWithAllFourArmsInEveryScopeAndItsAggregate() {
        ContextKey context = context(uniqueType());
        ScopeChain chain = ScopeChain.of(unique("org_"), unique("evt_"));
        assertThat(statistics.load(chain, context)).isEmpty();

        statistics.applyReward(chain, context, Arm.POLL, 1.0, 0.98);

        Map<StatsKey, ContextStats> loaded = statistics.load(chain, context);
        assertThat(loaded).hasSize(6);
        for (ContextStats record : loaded.values()) {
            assertThat(record.arms()).hasSize(4);
            assertThat(record.get(Arm.POLL)).isEqualTo(new ArmStats(2, 1, 1));
            assertThat(record.get(Arm.GAMIFICATION)).isEqualTo(ArmStats.PRIOR);
        }
        assertThat(statistics.isEmpty()).isFalse();
    }

    @Test
    void anUnknownOrganizationGetsNoRecords() {
        ContextKey context = context(uniqueType());
        String event = unique("evt_");

        statistics.applyReward(ScopeChain.of(null, event), context, Arm.BROADCAST, 0.0, 0.98);

        assertThat(jdbc.sql("SELECT DISTINCT scope FROM bandit_arms WHERE context_key = ?")
                        .param(context.value())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("global", "event:" + event);
    }

    @Test
    void tvB10TenSuccessesThroughThePolicyBeanWithTheDefaultDiscount() {
        ContextKey context = context(uniqueType());
        ScopeChain chain = ScopeChain.of(unique("org_"), unique("evt_"));

        for (int i = 0; i < 10; i++) {
            policy.recordReward(chain, context, Arm.POLL, 1.0);
        }

        for (Scope scope : chain.widestFirst()) {
            for (String key : List.of(context.value(), context.anomalyTypeKey())) {
                ArmStats poll = stored(scope, key, Arm.POLL);
                assertThat(poll.alpha()).isCloseTo(10.146360, within(1e-6));
                assertThat(poll.beta()).isEqualTo(1.0);
                assertThat(poll.attempts()).isEqualTo(10);
                assertThat(poll.mean()).isCloseTo(0.910285, within(1e-6));
            }
        }
    }

    @Test
    void tvB9TheUpdateDiscountsEveryArmThenAddsTheReward() {
        ContextKey context = context(uniqueType());
        String event = unique("evt_");
        Scope scope = Scope.event(event);
        statistics.addEvidence(
                scope,
                List.of(
                        new Evidence(context.value(), Arm.POLL, 2, 1, 7),
                        new Evidence(context.value(), Arm.NOTIFICATION, 0, 3, 3)));

        statistics.applyReward(ScopeChain.of(null, event), context, Arm.POLL, 0.5, 0.98);

        ArmStats poll = stored(scope, context.value(), Arm.POLL);
        assertThat(poll.alpha()).isCloseTo(3.46, within(1e-9));
        assertThat(poll.beta()).isCloseTo(2.48, within(1e-9));
        assertThat(poll.attempts()).isEqualTo(8);
        ArmStats notification = stored(scope, context.value(), Arm.NOTIFICATION);
        assertThat(notification.alpha()).isEqualTo(1.0);
        assertThat(notification.beta()).isCloseTo(1 + 0.98 * 3, within(1e-9));
        assertThat(notification.attempts()).isEqualTo(3);
        assertThat(stored(Scope.GLOBAL, context.value(), Arm.POLL)).isEqualTo(new ArmStats(1.5, 1.5, 1));
    }

    @Test
    void tvB3bThePolicyBeanReadsTheBackOffFromTheDatabase() {
        String type = uniqueType();
        ContextKey context = context(type);
        String org = unique("org_");
        for (Scope scope : List.of(Scope.GLOBAL, Scope.org(org))) {
            statistics.addEvidence(
                    scope,
                    List.of(new Evidence(context.value(), Arm.POLL, 2, 0, 2), new Evidence(type, Arm.POLL, 6, 4, 10)));
        }

        EffectivePosterior e2 =
                policy.posteriors(ScopeChain.of(org, unique("evt_")), context).get(Arm.POLL);

        assertThat(e2.alpha()).isCloseTo(7, within(1e-9));
        assertThat(e2.beta()).isCloseTo(5, within(1e-9));
        assertThat(e2.mean()).isCloseTo(0.583333, within(1e-6));
        assertThat(e2.attempts()).isCloseTo(10, within(1e-9));
    }

    @Test
    void rowsOfArmsThisVersionDoesNotKnowAreLeftOutOfLoading() {
        ContextKey context = context(uniqueType());
        ScopeChain chain = ScopeChain.of(null, unique("evt_"));
        statistics.applyReward(chain, context, Arm.POLL, 1.0, 1.0);
        jdbc.sql(
                        "INSERT INTO bandit_arms (scope, context_key, arm, alpha, beta, attempts) VALUES (?, ?, 'NUDGE', 4, 1, 3)")
                .params("global", context.value())
                .update();

        ContextStats global = statistics.load(chain, context).get(new StatsKey(Scope.GLOBAL, context.value()));

        assertThat(global.arms()).containsOnlyKeys(Arm.values());
        assertThat(global.get(Arm.POLL)).isEqualTo(new ArmStats(2, 1, 1));
    }

    @Test
    void tvB17TheLegacyImportLandsInTheGlobalScopeAndItsAggregate() {
        String type = uniqueType();
        LegacyImport legacy = LegacyImport.parse("{\"" + type + "_low_medium\": {"
                + "\"POLL\": {\"alpha\": 2, \"beta\": 4, \"total_attempts\": 4},"
                + "\"CHAT_PROMPT\": {\"alpha\": 3, \"beta\": 2},"
                + "\"NUDGE\": {\"alpha\": 5, \"beta\": 1}}}");

        legacy.applyTo(statistics);

        String key = type + "_low_medium_moderate";
        assertThat(stored(Scope.GLOBAL, key, Arm.BROADCAST)).isEqualTo(new ArmStats(3, 2, 3));
        assertThat(stored(Scope.GLOBAL, key, Arm.POLL)).isEqualTo(new ArmStats(2, 4, 4));
        assertThat(stored(Scope.GLOBAL, key, Arm.GAMIFICATION)).isEqualTo(ArmStats.PRIOR);
        assertThat(stored(Scope.GLOBAL, type, Arm.BROADCAST)).isEqualTo(new ArmStats(3, 2, 3));
        assertThat(legacy.skipped()).hasSize(1);
    }

    @Test
    void tvL2CountersAreIncrementedWithoutTouchingAlphaOrBeta() {
        ContextKey context = context(uniqueType());
        String event = unique("evt_");
        ScopeChain chain = ScopeChain.of(unique("org_"), event);
        statistics.applyReward(chain, context, Arm.POLL, 1.0, 0.98);

        counters.increment(chain, context, Arm.POLL, ArmCounter.EXECUTION_FAILURES);
        for (int i = 0; i < 7; i++) {
            counters.increment(chain, context, Arm.POLL, ArmCounter.ACCEPTED);
        }
        counters.increment(chain, context, Arm.POLL, ArmCounter.REJECTED);
        counters.increment(chain, context, Arm.POLL, ArmCounter.EXPIRED);

        for (Scope scope : chain.widestFirst()) {
            assertThat(stored(scope, context.value(), Arm.POLL)).isEqualTo(new ArmStats(2, 1, 1));
            assertThat(counters.read(scope, context, Arm.POLL).executionFailures())
                    .isEqualTo(1);
            assertThat(counters.read(scope, context, Arm.POLL).organizerAcceptance())
                    .isCloseTo(0.727273, within(1e-6));
        }
        assertThat(counters.read(Scope.event(event), context, Arm.BROADCAST).executionFailures())
                .isZero();
    }

    @Test
    void concurrentRewardsToTheSameContextLoseNoUpdate() throws Exception {
        ContextKey context = context(uniqueType());
        ScopeChain chain = ScopeChain.of(unique("org_"), unique("evt_"));

        runConcurrently(thread -> {
            Arm arm = thread % 2 == 0 ? Arm.POLL : Arm.BROADCAST;
            statistics.applyReward(chain, context, arm, arm == Arm.POLL ? 1.0 : 0.0, 1.0);
            counters.increment(chain, context, arm, ArmCounter.CONFOUNDED);
        });

        long each = THREADS / 2L * REWARDS_PER_THREAD;
        for (Scope scope : chain.widestFirst()) {
            for (String key : List.of(context.value(), context.anomalyTypeKey())) {
                assertThat(stored(scope, key, Arm.POLL)).isEqualTo(new ArmStats(1 + each, 1, each));
                assertThat(stored(scope, key, Arm.BROADCAST)).isEqualTo(new ArmStats(1, 1 + each, each));
            }
            assertThat(counters.read(scope, context, Arm.POLL).confounded()).isEqualTo(each);
        }
    }

    @Test
    void concurrentDiscountedRewardsLoseNoUpdate() throws Exception {
        ContextKey context = context(uniqueType());
        ScopeChain chain = ScopeChain.of(null, unique("evt_"));

        runConcurrently(thread -> statistics.applyReward(chain, context, Arm.GAMIFICATION, 1.0, 0.98));

        int n = THREADS * REWARDS_PER_THREAD;
        double expected = 1 + (1 - Math.pow(0.98, n)) / 0.02;
        for (Scope scope : chain.widestFirst()) {
            ArmStats gamification = stored(scope, context.value(), Arm.GAMIFICATION);
            assertThat(gamification.alpha()).isCloseTo(expected, within(1e-9));
            assertThat(gamification.attempts()).isEqualTo(n);
        }
    }

    /** Runs the work {@code REWARDS_PER_THREAD} times on each of {@code THREADS} threads released together. */
    private static void runConcurrently(java.util.function.IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < REWARDS_PER_THREAD; i++) {
                        work.accept(thread);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** R4.4 and R4.5b: the discounted update, applied in every scope to the context and its anomaly-type aggregate. */
class DiscountedUpdateTests {
    private static final ContextKey CONTEXT = ContextKey.parse("SUDDEN_DROP_low_medium_severe");
    private static final ScopeChain ONE_EVENT = ScopeChain.of(null, "evt_1");
    private static final Scope EVENT = Scope.event("evt_1");

    private final InMemoryBanditStatistics stats = new InMemoryBanditStatistics();

    private InterventionPolicy policy(double gamma) {
        return new InterventionPolicy(BanditSettings.defaults().withDiscount(gamma), stats, new SplittableRandom(1));
    }

    private ArmStats arm(Scope scope, String key, Arm arm) {
        return stats.get(scope, key).get(arm);
    }

    @Test
    void tvB5AFreshContextHasFourArmsAtTheUniformPrior() {
        assertThat(stats.load(ONE_EVENT, CONTEXT)).isEmpty();
        for (Arm a : Arm.values()) {
            EffectivePosterior p = policy(0.98).posteriors(ONE_EVENT, CONTEXT).get(a);
            assertThat(p).isEqualTo(new EffectivePosterior(1, 1, 0));
            assertThat(p.mean()).isEqualTo(0.5);
            assertThat(arm(EVENT, CONTEXT.value(), a)).isEqualTo(ArmStats.PRIOR);
        }
    }

    @Test
    void tvB4PosteriorMean() {
        assertThat(new ArmStats(5, 2, 0).mean()).isCloseTo(0.714286, within(1e-6));
        assertThat(new EffectivePosterior(5, 2, 0).mean()).isCloseTo(0.714286, within(1e-6));
    }

    @Test
    void tvB8AFreshArmLearnsOneReward() {
        ContextKey b = ContextKey.parse("MASS_EXIT_low_small_mild");
        ContextKey c = ContextKey.parse("LOW_ENGAGEMENT_low_small_mild");
        policy(0.98).recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 1.0);
        policy(0.98).recordReward(ONE_EVENT, b, Arm.POLL, 0.0);
        policy(0.98).recordReward(ONE_EVENT, c, Arm.POLL, 0.5);

        assertThat(arm(EVENT, CONTEXT.value(), Arm.POLL)).isEqualTo(new ArmStats(2, 1, 1));
        assertThat(arm(EVENT, b.value(), Arm.POLL)).isEqualTo(new ArmStats(1, 2, 1));
        assertThat(arm(EVENT, c.value(), Arm.POLL)).isEqualTo(new ArmStats(1.5, 1.5, 1));
        assertThat(stats.get(EVENT, CONTEXT.value()).arms())
                .as("created with all four arms")
                .hasSize(4);
    }

    @Test
    void tvB9TheArmDecaysTowardItsPriorBeforeTheRewardIsAdded() {
        stats.put(EVENT, CONTEXT.value(), Arm.POLL, new ArmStats(3, 2, 7));

        policy(0.98).recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 0.5);

        ArmStats poll = arm(EVENT, CONTEXT.value(), Arm.POLL);
        assertThat(poll.alpha()).isCloseTo(3.46, within(1e-9));
        assertThat(poll.beta()).isCloseTo(2.48, within(1e-9));
        assertThat(poll.attempts()).isEqualTo(8);
    }

    @Test
    void tvB10TenSuccessesWithDiscount() {
        for (int i = 0; i < 10; i++) {
            policy(0.98).recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 1.0);
        }
        for (Scope scope : ONE_EVENT.widestFirst()) {
            for (String key : new String[] {CONTEXT.value(), "SUDDEN_DROP"}) {
                ArmStats poll = arm(scope, key, Arm.POLL);
                assertThat(poll.alpha()).isCloseTo(10.146360, within(1e-6));
                assertThat(poll.beta()).isEqualTo(1.0);
                assertThat(poll.mean()).isCloseTo(0.910285, within(1e-6));
                assertThat(poll.attempts()).isEqualTo(10);
            }
        }
    }

    @Test
    void tvB10TenSuccessesWithoutDiscount() {
        for (int i = 0; i < 10; i++) {
            policy(1.0).recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 1.0);
        }
        ArmStats poll = arm(EVENT, CONTEXT.value(), Arm.POLL);
        assertThat(poll.alpha()).isEqualTo(11.0);
        assertThat(poll.mean()).isCloseTo(0.916667, within(1e-6));
    }

    @Test
    void tvB11DiscountingCountsUpdatesOfTheContextNotOfTheArm() {
        TvB11.train(policy(0.98));

        for (Scope scope : ONE_EVENT.widestFirst()) {
            ContextStats context = stats.get(scope, CONTEXT.value());
            assertThat(context.get(Arm.POLL).alpha()).isCloseTo(16.5424, within(5e-5));
            assertThat(context.get(Arm.POLL).beta()).isEqualTo(1.0);
            assertThat(context.get(Arm.BROADCAST).alpha()).isEqualTo(1.0);
            assertThat(context.get(Arm.BROADCAST).beta()).isCloseTo(16.8596, within(5e-5));
            assertThat(context.get(Arm.NOTIFICATION).alpha()).isEqualTo(1.0);
            assertThat(context.get(Arm.NOTIFICATION).beta()).isCloseTo(17.1832, within(5e-5));
            assertThat(context.get(Arm.GAMIFICATION)).isEqualTo(ArmStats.PRIOR);
            for (Arm a : new Arm[] {Arm.POLL, Arm.BROADCAST, Arm.NOTIFICATION}) {
                assertThat(context.get(a).attempts()).isEqualTo(50);
            }
        }
    }

    @Test
    void tvB12TwentySuccessesInEachOfTwoContexts() {
        ContextKey other = ContextKey.parse("MASS_EXIT_low_medium_severe");
        for (int i = 0; i < 20; i++) {
            policy(0.98).recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 1.0);
        }
        for (int i = 0; i < 20; i++) {
            policy(0.98).recordReward(ONE_EVENT, other, Arm.NOTIFICATION, 1.0);
        }

        ArmStats poll = arm(EVENT, CONTEXT.value(), Arm.POLL);
        ArmStats notification = arm(EVENT, other.value(), Arm.NOTIFICATION);
        assertThat(poll.alpha()).isCloseTo(17.619601, within(1e-6));
        assertThat(notification.alpha()).isCloseTo(17.619601, within(1e-6));
        assertThat(poll.mean()).isCloseTo(0.946293, within(1e-6)).isGreaterThan(0.8);
        assertThat(notification.mean()).isCloseTo(0.946293, within(1e-6));
    }

    @Test
    void tvB12bTheAggregateDecaysWithEveryUpdateOfItsAnomalyType() {
        TvB12b.train(policy(0.98));

        for (Scope scope : ONE_EVENT.widestFirst()) {
            ContextStats aggregate = stats.get(scope, "SUDDEN_DROP");
            assertThat(aggregate.get(Arm.POLL).evidenceA()).isCloseTo(11.095378, within(1e-6));
            assertThat(aggregate.get(Arm.NOTIFICATION).evidenceA()).isCloseTo(16.619601, within(1e-6));
            assertThat(aggregate.get(Arm.POLL).evidenceB()).isZero();
            assertThat(aggregate.get(Arm.NOTIFICATION).evidenceB()).isZero();
            assertThat(aggregate.get(Arm.POLL).attempts()).isEqualTo(20);
        }
    }

    @Test
    void rewardsOutsideTheUnitIntervalAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(0.98).recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 1.2))
                .withMessageContaining("1.2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(0.98).recordReward(ONE_EVENT, CONTEXT, Arm.POLL, Double.NaN));
        assertThat(stats.isEmpty()).isTrue();
    }

    /** TV-B11's training: 50 rounds of POLL r = 1, BROADCAST r = 0, NOTIFICATION r = 0 in one event. */
    static final class TvB11 {
        static void train(InterventionPolicy policy) {
            for (int round = 0; round < 50; round++) {
                policy.recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 1.0);
                policy.recordReward(ONE_EVENT, CONTEXT, Arm.BROADCAST, 0.0);
                policy.recordReward(ONE_EVENT, CONTEXT, Arm.NOTIFICATION, 0.0);
            }
        }
    }

    /** TV-B12b's training: POLL 20 × r = 1 in context 1, then NOTIFICATION 20 × r = 1 in context 2 (same type). */
    static final class TvB12b {
        static final ContextKey SECOND = ContextKey.parse("SUDDEN_DROP_critical_medium_severe");

        static void train(InterventionPolicy policy) {
            for (int i = 0; i < 20; i++) {
                policy.recordReward(ONE_EVENT, CONTEXT, Arm.POLL, 1.0);
            }
            for (int i = 0; i < 20; i++) {
                policy.recordReward(ONE_EVENT, SECOND, Arm.NOTIFICATION, 1.0);
            }
        }
    }
}

package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** R4.5 and R4.5b: the effective posterior, with the aggregate borrow before the scope back-off. */
class BackOffTests {
    private static final ContextKey CONTEXT = ContextKey.parse("SUDDEN_DROP_low_medium_severe");
    private static final String AGGREGATE = "SUDDEN_DROP";
    private static final Scope ORG = Scope.org("org_1");

    private final InMemoryBanditStatistics stats = new InMemoryBanditStatistics();
    private final InterventionPolicy policy =
            new InterventionPolicy(BanditSettings.defaults().withDiscount(1.0), stats, new SplittableRandom(3));

    /** The context's record and an aggregate that holds only this context. */
    private void put(Scope scope, double alpha, double beta, long attempts) {
        stats.put(scope, CONTEXT.value(), Arm.POLL, new ArmStats(alpha, beta, attempts));
        stats.put(scope, AGGREGATE, Arm.POLL, new ArmStats(alpha, beta, attempts));
    }

    @Test
    void tvB3EachNarrowerScopeBorrowsUpToTenPseudoObservations() {
        put(Scope.GLOBAL, 13, 5, 16);
        put(ORG, 5, 3, 6);
        put(Scope.event("evt_1"), 2, 2, 2);

        EffectivePosterior org = policy.posteriors(new ScopeChain(List.of(Scope.GLOBAL, ORG)), CONTEXT)
                .get(Arm.POLL);
        assertThat(org.alpha()).isCloseTo(8.2, within(1e-9));
        assertThat(org.beta()).isCloseTo(3.8, within(1e-9));
        assertThat(org.attempts()).isCloseTo(10, within(1e-9));

        EffectivePosterior event =
                policy.posteriors(ScopeChain.of("org_1", "evt_1"), CONTEXT).get(Arm.POLL);
        assertThat(event.alpha()).isCloseTo(8.2, within(1e-9));
        assertThat(event.beta()).isCloseTo(3.8, within(1e-9));
        assertThat(event.mean()).isCloseTo(0.683333, within(1e-6));
        assertThat(event.attempts()).isCloseTo(10, within(1e-9));
    }

    @Test
    void tvB3WithOneEventAllScopesHoldTheSameNumbersAndNothingIsBorrowed() {
        put(Scope.GLOBAL, 5, 3, 6);
        put(ORG, 5, 3, 6);
        put(Scope.event("evt_1"), 5, 3, 6);

        EffectivePosterior event =
                policy.posteriors(ScopeChain.of("org_1", "evt_1"), CONTEXT).get(Arm.POLL);

        assertThat(event).isEqualTo(new EffectivePosterior(5, 3, 6));
    }

    @Test
    void tvB3bTheParentIsTakenAfterItsOwnAggregateBorrow() {
        for (Scope scope : new Scope[] {Scope.GLOBAL, ORG}) {
            stats.put(scope, CONTEXT.value(), Arm.POLL, new ArmStats(3, 1, 2));
            stats.put(scope, AGGREGATE, Arm.POLL, new ArmStats(7, 5, 10));
        }
        stats.put(Scope.event("evt_1"), CONTEXT.value(), Arm.POLL, new ArmStats(3, 1, 2));
        stats.put(Scope.event("evt_1"), AGGREGATE, Arm.POLL, new ArmStats(7, 5, 10));

        EffectivePosterior e2 =
                policy.posteriors(ScopeChain.of("org_1", "evt_2"), CONTEXT).get(Arm.POLL);

        assertThat(e2.alpha()).isCloseTo(7, within(1e-9));
        assertThat(e2.beta()).isCloseTo(5, within(1e-9));
        assertThat(e2.mean()).isCloseTo(0.583333, within(1e-6));
        assertThat(e2.attempts()).isCloseTo(10, within(1e-9));

        EffectivePosterior global =
                policy.posteriors(ScopeChain.globalOnly(), CONTEXT).get(Arm.POLL);
        assertThat(global.alpha()).as("global Â = 6").isCloseTo(7, within(1e-9));
        assertThat(global.beta()).as("global B̂ = 4").isCloseTo(5, within(1e-9));
        assertThat(global.attempts()).as("n̂ = 2 + 8").isCloseTo(10, within(1e-9));
    }

    @Test
    void tvB12ContextsOfDifferentAnomalyTypesAreIsolated() {
        ContextKey other = ContextKey.parse("MASS_EXIT_low_medium_severe");
        ScopeChain oneEvent = ScopeChain.of(null, "evt_1");
        InterventionPolicy discounted =
                new InterventionPolicy(BanditSettings.defaults(), stats, new SplittableRandom(3));
        for (int i = 0; i < 20; i++) {
            discounted.recordReward(oneEvent, CONTEXT, Arm.POLL, 1.0);
        }
        for (int i = 0; i < 20; i++) {
            discounted.recordReward(oneEvent, other, Arm.NOTIFICATION, 1.0);
        }

        EffectivePosterior pollThere = discounted.posteriors(oneEvent, other).get(Arm.POLL);
        assertThat(pollThere).isEqualTo(new EffectivePosterior(1, 1, 0));
        assertThat(pollThere.mean()).isEqualTo(0.5);
        EffectivePosterior pollHere = discounted.posteriors(oneEvent, CONTEXT).get(Arm.POLL);
        assertThat(pollHere.alpha()).isCloseTo(17.619601, within(1e-6));
        assertThat(pollHere.mean()).isCloseTo(0.946293, within(1e-6));
        assertThat(pollHere.attempts()).isEqualTo(20);
        EffectivePosterior notificationThere =
                discounted.posteriors(oneEvent, other).get(Arm.NOTIFICATION);
        assertThat(notificationThere.alpha()).isCloseTo(17.619601, within(1e-6));
    }

    @Test
    void tvB12bANewContextBorrowsFromItsAnomalyType() {
        ScopeChain oneEvent = ScopeChain.of(null, "evt_1");
        InterventionPolicy discounted =
                new InterventionPolicy(BanditSettings.defaults(), stats, new SplittableRandom(3));
        DiscountedUpdateTests.TvB12b.train(discounted);

        EffectivePosterior poll = discounted
                .posteriors(oneEvent, DiscountedUpdateTests.TvB12b.SECOND)
                .get(Arm.POLL);
        assertThat(stats.get(Scope.event("evt_1"), DiscountedUpdateTests.TvB12b.SECOND.value())
                        .get(Arm.POLL)
                        .attempts())
                .isZero();
        assertThat(poll.alpha()).isCloseTo(11, within(1e-9));
        assertThat(poll.beta()).isCloseTo(1, within(1e-9));
        assertThat(poll.mean()).isCloseTo(0.916667, within(1e-6));
        assertThat(poll.attempts()).isCloseTo(10, within(1e-9));

        EffectivePosterior notification =
                discounted.posteriors(oneEvent, CONTEXT).get(Arm.NOTIFICATION);
        assertThat(notification.alpha()).isCloseTo(11, within(1e-9));
        assertThat(notification.beta()).isCloseTo(1, within(1e-9));
    }

    @Test
    void aScopeBorrowsOnlyTheParentsEvidenceThatItDoesNotHold() {
        stats.put(Scope.GLOBAL, CONTEXT.value(), Arm.POLL, new ArmStats(1, 1, 0));
        stats.put(Scope.GLOBAL, AGGREGATE, Arm.POLL, new ArmStats(4, 2, 4));
        stats.put(Scope.GLOBAL, "SUDDEN_DROP_critical_small_mild", Arm.POLL, new ArmStats(4, 2, 4));
        Scope event = Scope.event("evt_9");
        stats.put(event, CONTEXT.value(), Arm.POLL, new ArmStats(2, 3, 3));

        EffectivePosterior p =
                policy.posteriors(ScopeChain.of(null, "evt_9"), CONTEXT).get(Arm.POLL);

        // global: borrows all 4 of the aggregate's (3, 1); event (1, 2, n = 3): A″ = 2, B″ = 0, w = min(7, 2) = 2
        assertThat(p.alpha()).isCloseTo(4, within(1e-9));
        assertThat(p.beta()).isCloseTo(3, within(1e-9));
        assertThat(p.attempts()).isCloseTo(5, within(1e-9));
    }

    @Test
    void aScopeNeverBorrowsMoreThanTenMinusItsOwnAttempts() {
        stats.put(Scope.GLOBAL, CONTEXT.value(), Arm.POLL, new ArmStats(21, 1, 20));
        stats.put(Scope.event("evt_8"), CONTEXT.value(), Arm.POLL, new ArmStats(5, 5, 8));

        EffectivePosterior p =
                policy.posteriors(ScopeChain.of(null, "evt_8"), CONTEXT).get(Arm.POLL);

        // A″ = 16, B″ = 0, but w = min(10 − 8, 16) = 2
        assertThat(p.alpha()).isCloseTo(7, within(1e-9));
        assertThat(p.beta()).isCloseTo(5, within(1e-9));
        assertThat(p.attempts()).isCloseTo(10, within(1e-9));
    }
}

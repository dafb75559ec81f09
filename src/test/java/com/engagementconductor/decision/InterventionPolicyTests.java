package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** R4.6–R4.8: eligibility, selection and the reported figures. */
class InterventionPolicyTests {
    private static final ContextKey CONTEXT = ContextKey.parse("SUDDEN_DROP_low_medium_severe");
    private static final ScopeChain ONE_EVENT = ScopeChain.of(null, "evt_1");
    private static final Set<Arm> ALL = EnumSet.allOf(Arm.class);

    private final InMemoryBanditStatistics stats = new InMemoryBanditStatistics();
    private final InterventionPolicy policy =
            new InterventionPolicy(BanditSettings.defaults(), stats, new SplittableRandom(2026));

    private static DecisionRequest request(Set<Arm> allowed, Map<Arm, Duration> cooldowns, boolean holdout) {
        return new DecisionRequest(ONE_EVENT, CONTEXT, allowed, cooldowns, holdout, 0.50);
    }

    /** The same statistics in every scope of the one event, as when the system holds only that event. */
    private void everywhere(Arm arm, ArmStats armStats) {
        for (Scope scope : ONE_EVENT.widestFirst()) {
            stats.put(scope, CONTEXT.value(), arm, armStats);
            stats.put(scope, CONTEXT.anomalyTypeKey(), arm, armStats);
        }
    }

    @Test
    void tvB7TheChoiceIsAlwaysAnAllowedArm() {
        Set<Arm> allowed = EnumSet.of(Arm.POLL, Arm.BROADCAST);
        for (int i = 0; i < 200; i++) {
            PolicyChoice choice = policy.decide(request(allowed, Map.of(), false));
            assertThat(choice).isInstanceOf(PolicyChoice.Intervene.class);
            assertThat(((PolicyChoice.Intervene) choice).arm()).isIn(Arm.POLL, Arm.BROADCAST);
            assertThat(choice.posteriors().get(Arm.NOTIFICATION).exclusion()).isEqualTo(Exclusion.NOT_ALLOWED);
            assertThat(choice.posteriors().get(Arm.GAMIFICATION).eligible()).isFalse();
        }
    }

    @Test
    void tvB11PollWinsMoreThanSeventyOfAHundredWithoutAFloor() {
        DiscountedUpdateTests.TvB11.train(policy);

        int polls = 0;
        for (int i = 0; i < 100; i++) {
            PolicyChoice choice = policy.decide(request(ALL, Map.of(), false));
            assertThat(choice.posteriors().values()).allMatch(ArmPosterior::eligible);
            if (((PolicyChoice.Intervene) choice).arm() == Arm.POLL) {
                polls++;
            }
        }

        assertThat(polls).isGreaterThan(70);
    }

    @Test
    void tvB13ProbabilityBestOfTheTvB3PosteriorAgainstAFreshArm() {
        everywhere(Arm.POLL, new ArmStats(8.2, 3.8, 10));

        PolicyChoice.Intervene choice =
                (PolicyChoice.Intervene) policy.decide(request(EnumSet.of(Arm.POLL, Arm.BROADCAST), Map.of(), false));

        double pollShare = choice.arm() == Arm.POLL ? choice.probabilityBest() : 1.0 - choice.probabilityBest();
        assertThat(pollShare).isCloseTo(0.6833, within(0.05));
        assertThat(choice.posteriorMean()).isCloseTo(choice.arm() == Arm.POLL ? 0.683333 : 0.5, within(1e-6));
    }

    @Test
    void tvB14ProbabilityBestOfThreeArms() {
        everywhere(Arm.POLL, new ArmStats(8, 4, 10));
        everywhere(Arm.BROADCAST, new ArmStats(3, 3, 10));
        everywhere(Arm.NOTIFICATION, new ArmStats(2, 5, 10));
        Map<Arm, Double> expected = Map.of(Arm.POLL, 0.7374, Arm.BROADCAST, 0.2350, Arm.NOTIFICATION, 0.0276);
        Set<Arm> three = EnumSet.of(Arm.POLL, Arm.BROADCAST, Arm.NOTIFICATION);

        for (int i = 0; i < 20; i++) {
            PolicyChoice.Intervene choice = (PolicyChoice.Intervene) policy.decide(request(three, Map.of(), false));
            assertThat(choice.probabilityBest()).isCloseTo(expected.get(choice.arm()), within(0.05));
        }
    }

    @Test
    void tvB15WithAHoldoutBaselineTheFloorRemovesOnlyArmsPastExploration() {
        everywhere(Arm.POLL, new ArmStats(2, 6, 6));
        everywhere(Arm.BROADCAST, new ArmStats(2, 4, 4));
        Set<Arm> two = EnumSet.of(Arm.POLL, Arm.BROADCAST);

        PolicyChoice choice = policy.decide(request(two, Map.of(), true));

        ArmPosterior poll = choice.posteriors().get(Arm.POLL);
        assertThat(poll.mean()).isCloseTo(0.25, within(1e-9));
        assertThat(poll.effectiveAttempts()).isEqualTo(6);
        assertThat(poll.exclusion()).isEqualTo(Exclusion.BELOW_FLOOR);
        ArmPosterior broadcast = choice.posteriors().get(Arm.BROADCAST);
        assertThat(broadcast.mean()).isCloseTo(0.333333, within(1e-6));
        assertThat(broadcast.eligible()).isTrue();
        PolicyChoice.Intervene intervene = (PolicyChoice.Intervene) choice;
        assertThat(intervene.arm()).isEqualTo(Arm.BROADCAST);
        assertThat(intervene.probabilityBest()).isEqualTo(1.0);
        assertThat(intervene.totalAttempts()).isEqualTo(4);
        assertThat(intervene.isExploring()).isTrue();
    }

    @Test
    void withoutAHoldoutBaselineTheFloorDoesNotApply() {
        everywhere(Arm.POLL, new ArmStats(2, 6, 6));

        PolicyChoice choice = policy.decide(request(EnumSet.of(Arm.POLL), Map.of(), false));

        assertThat(choice).isInstanceOf(PolicyChoice.Intervene.class);
        assertThat(((PolicyChoice.Intervene) choice).isExploring()).isFalse();
    }

    @Test
    void theFloorComparesRoundedValues() {
        everywhere(Arm.POLL, new ArmStats(5.9999999999, 6, 10));
        everywhere(Arm.BROADCAST, new ArmStats(5.99999998, 6, 10));

        PolicyChoice choice = policy.decide(request(EnumSet.of(Arm.POLL, Arm.BROADCAST), Map.of(), true));

        assertThat(choice.posteriors().get(Arm.POLL).eligible())
                .as("mean rounds to 0.5")
                .isTrue();
        assertThat(choice.posteriors().get(Arm.BROADCAST).exclusion()).isEqualTo(Exclusion.BELOW_FLOOR);
    }

    @Test
    void tvB16AnArmInCooldownIsNotEligible() {
        Duration pollCooldown = Duration.ofSeconds(120);
        Duration publishedAgo = Duration.ofSeconds(60);

        PolicyChoice choice =
                policy.decide(request(EnumSet.of(Arm.POLL), Map.of(Arm.POLL, pollCooldown.minus(publishedAgo)), false));

        assertThat(choice).isInstanceOf(PolicyChoice.NoIntervention.class);
        assertThat(((PolicyChoice.NoIntervention) choice).reason()).isEqualTo(NoInterventionReason.NO_ELIGIBLE_ARM);
        assertThat(choice.posteriors().get(Arm.POLL).exclusion()).isEqualTo(Exclusion.IN_COOLDOWN);
    }

    @Test
    void anExpiredCooldownNoLongerExcludes() {
        PolicyChoice choice = policy.decide(request(EnumSet.of(Arm.POLL), Map.of(Arm.POLL, Duration.ZERO), false));

        assertThat(choice).isInstanceOf(PolicyChoice.Intervene.class);
    }

    @Test
    void tvB18AnEmptyAllowedSetMeansNoInterventionNeverAllArms() {
        PolicyChoice choice = policy.decide(request(Set.of(), Map.of(), false));

        assertThat(choice).isInstanceOf(PolicyChoice.NoIntervention.class);
        assertThat(((PolicyChoice.NoIntervention) choice).reason().name()).isEqualTo("NO_ELIGIBLE_ARM");
        assertThat(choice.posteriors()).hasSize(4);
        assertThat(choice.posteriors().values()).allMatch(p -> p.exclusion() == Exclusion.NOT_ALLOWED);
    }

    @Test
    void theReportedFiguresAreThoseOfTheChosenArm() {
        everywhere(Arm.POLL, new ArmStats(30, 2, 40));
        everywhere(Arm.BROADCAST, new ArmStats(1.5, 3, 2));

        PolicyChoice.Intervene choice =
                (PolicyChoice.Intervene) policy.decide(request(EnumSet.of(Arm.POLL, Arm.BROADCAST), Map.of(), false));

        assertThat(choice.arm()).isEqualTo(Arm.POLL);
        assertThat(choice.posteriorMean()).isCloseTo(30.0 / 32, within(1e-12));
        assertThat(choice.probabilityBest()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
        assertThat(choice.totalAttempts()).isEqualTo(40);
        assertThat(choice.isExploring()).isFalse();
        assertThat(choice.historicalPerformance())
                .containsEntry("successRate", choice.posteriorMean())
                .containsEntry("totalAttempts", 40.0)
                .containsEntry("isExploring", false);
        Map<String, Map<String, Object>> posteriors = choice.posteriorsPayload();
        assertThat(posteriors).containsOnlyKeys("POLL", "BROADCAST", "NOTIFICATION", "GAMIFICATION");
        assertThat(posteriors.get("POLL"))
                .containsEntry("alpha", 30.0)
                .containsEntry("beta", 2.0)
                .containsEntry("eligible", true);
        assertThat(posteriors.get("GAMIFICATION")).containsEntry("alpha", 1.0).containsEntry("eligible", false);
    }

    @Test
    void theSameSeedMakesTheSameDecisions() {
        DiscountedUpdateTests.TvB11.train(policy);
        InterventionPolicy again = new InterventionPolicy(BanditSettings.defaults(), stats, new SplittableRandom(5));
        InterventionPolicy twin = new InterventionPolicy(BanditSettings.defaults(), stats, new SplittableRandom(5));

        for (int i = 0; i < 50; i++) {
            assertThat(again.decide(request(ALL, Map.of(), false)))
                    .isEqualTo(twin.decide(request(ALL, Map.of(), false)));
        }
    }

    @Test
    void tvB3bThroughTheFullDecision() {
        ScopeChain e2 = ScopeChain.of("org_1", "evt_2");
        for (Scope scope : new Scope[] {Scope.GLOBAL, Scope.org("org_1")}) {
            stats.put(scope, CONTEXT.value(), Arm.POLL, new ArmStats(3, 1, 2));
            stats.put(scope, CONTEXT.anomalyTypeKey(), Arm.POLL, new ArmStats(7, 5, 10));
        }

        PolicyChoice.Intervene choice = (PolicyChoice.Intervene)
                policy.decide(new DecisionRequest(e2, CONTEXT, EnumSet.of(Arm.POLL), Map.of(), true, 0.5));

        assertThat(choice.posteriorMean()).isCloseTo(0.583333, within(1e-6));
        assertThat(choice.totalAttempts()).isCloseTo(10, within(1e-9));
        assertThat(choice.isExploring()).isFalse();
        assertThat(choice.posteriors().get(Arm.POLL).alpha()).isCloseTo(7, within(1e-9));
    }
}

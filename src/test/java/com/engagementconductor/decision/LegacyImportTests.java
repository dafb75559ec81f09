package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** R4.9 and contracts §8.5: the prior statistics blob read into the global scope. */
class LegacyImportTests {
    private static final String TV_B17 =
            """
            {"SUDDEN_DROP_low_medium": {
               "POLL": {"alpha": 2, "beta": 4, "total_attempts": 4, "success_rate": 0.33, "last_updated": "2025-11-02T10:00:00"},
               "CHAT_PROMPT": {"alpha": 3, "beta": 2},
               "NUDGE": {"alpha": 5, "beta": 1}}}
            """;

    private final InMemoryBanditStatistics stats = new InMemoryBanditStatistics();

    @Test
    void tvB17ThreePartKeysChatPromptAndUnknownArms() {
        LegacyImport legacy = LegacyImport.parse(TV_B17);
        legacy.applyTo(stats);

        ContextStats context = stats.get(Scope.GLOBAL, "SUDDEN_DROP_low_medium_moderate");
        assertThat(context.get(Arm.BROADCAST).alpha()).isEqualTo(3.0);
        assertThat(context.get(Arm.BROADCAST).beta()).isEqualTo(2.0);
        assertThat(context.get(Arm.POLL)).isEqualTo(new ArmStats(2, 4, 4));
        assertThat(context.get(Arm.NOTIFICATION)).isEqualTo(ArmStats.PRIOR);
        assertThat(legacy.skipped())
                .containsExactly(new LegacyImport.Skipped("SUDDEN_DROP_low_medium", "NUDGE", "unknown arm"));
        assertThat(stats.get(Scope.GLOBAL, "SUDDEN_DROP_low_medium").arms()).isEmpty();
    }

    @Test
    void eachImportedContextFeedsItsAnomalyTypeAggregate() {
        LegacyImport legacy = LegacyImport.parse(
                """
                {"SUDDEN_DROP_low_medium": {"POLL": {"alpha": 2, "beta": 4, "total_attempts": 4}},
                 "SUDDEN_DROP_critical_large_severe": {"POLL": {"alpha": 4, "beta": 1, "total_attempts": 3}},
                 "GRADUAL_DECLINE_low_large": {"GAMIFICATION": {"alpha": 1.5, "beta": 1.5, "total_attempts": 1}}}
                """);
        legacy.applyTo(stats);

        assertThat(stats.get(Scope.GLOBAL, "SUDDEN_DROP").get(Arm.POLL)).isEqualTo(new ArmStats(5, 4, 7));
        assertThat(stats.get(Scope.GLOBAL, "GRADUAL_DECLINE_low_large_moderate").get(Arm.GAMIFICATION))
                .isEqualTo(new ArmStats(1.5, 1.5, 1));
        assertThat(stats.get(Scope.GLOBAL, "GRADUAL_DECLINE").get(Arm.GAMIFICATION))
                .isEqualTo(new ArmStats(1.5, 1.5, 1));
        assertThat(legacy.contexts()).hasSize(3);
        assertThat(legacy.aggregates()).hasSize(2);
        assertThat(legacy.skipped()).isEmpty();
    }

    @Test
    void chatPromptEvidenceIsAddedToBroadcastsOwn() {
        LegacyImport legacy = LegacyImport.parse(
                """
                {"MASS_EXIT_low_small_mild": {
                   "BROADCAST": {"alpha": 2, "beta": 3, "total_attempts": 3},
                   "CHAT_PROMPT": {"alpha": 3, "beta": 2, "total_attempts": 3}}}
                """);

        assertThat(legacy.contexts()).containsExactly(new Evidence("MASS_EXIT_low_small_mild", Arm.BROADCAST, 3, 3, 6));
    }

    @Test
    void malformedEntriesAreSkippedAndTheRestIsImported() {
        LegacyImport legacy = LegacyImport.parse(
                """
                {"garbage": {"POLL": {"alpha": 2, "beta": 1}},
                 "LOW_ENGAGEMENT_low_small": "not an object",
                 "LOW_ENGAGEMENT_critical_small": {"POLL": {"alpha": 0.5, "beta": 1}, "BROADCAST": {"alpha": "x"},
                                                   "NOTIFICATION": {"alpha": 2, "beta": 1}}}
                """);

        assertThat(legacy.skipped())
                .extracting(LegacyImport.Skipped::contextKey, LegacyImport.Skipped::arm)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("garbage", null),
                        org.assertj.core.groups.Tuple.tuple("LOW_ENGAGEMENT_low_small", null),
                        org.assertj.core.groups.Tuple.tuple("LOW_ENGAGEMENT_critical_small", "POLL"),
                        org.assertj.core.groups.Tuple.tuple("LOW_ENGAGEMENT_critical_small", "BROADCAST"));
        assertThat(legacy.contexts())
                .containsExactly(new Evidence("LOW_ENGAGEMENT_critical_small_moderate", Arm.NOTIFICATION, 1, 0, 1));
    }

    @Test
    void aBlobThatIsNoJsonObjectIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LegacyImport.parse("[1, 2]"));
        assertThatIllegalArgumentException().isThrownBy(() -> LegacyImport.parse("{not json"));
    }

    @Test
    void aNewEventStartsFromTheImportedGlobalKnowledge() {
        LegacyImport.parse(
                        """
                {"SUDDEN_DROP_low_medium_severe": {"POLL": {"alpha": 9, "beta": 3, "total_attempts": 10}}}
                """)
                .applyTo(stats);
        InterventionPolicy policy = new InterventionPolicy(BanditSettings.defaults(), stats, new SplittableRandom(4));

        EffectivePosterior poll = policy.posteriors(
                        ScopeChain.of("org_new", "evt_new"), ContextKey.parse("SUDDEN_DROP_low_medium_severe"))
                .get(Arm.POLL);

        assertThat(poll.alpha()).isCloseTo(9, within(1e-9));
        assertThat(poll.beta()).isCloseTo(3, within(1e-9));
        assertThat(poll.attempts()).isCloseTo(10, within(1e-9));
    }
}

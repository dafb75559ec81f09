package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RewardTests {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @ParameterizedTest(name = "delta {0} -> reward {1}, success {2}")
    @CsvSource({
        "0.12,0.8,true",
        "0.25,1.0,true",
        "0.01,0.525,false",
        "0.0,0.5,false",
        "-0.03,0.425,false",
        "-0.05,0.375,false",
        "-0.06,0.35,false",
        "-0.2,0.0,false"
    })
    void rewardV2(double delta, double reward, boolean success) {
        assertThat(Reward.v2(delta)).isCloseTo(reward, within(1e-9));
        assertThat(Reward.success(delta)).isEqualTo(success);
    }

    @ParameterizedTest(name = "v1: delta {0} -> reward {1}, success {2}")
    @CsvSource({
        "0.12,0.6,true",
        "0.25,1.0,true",
        "0.01,0.05,false",
        "0.0,0.5,true",
        "-0.03,0.5,true",
        "-0.05,0.5,true",
        "-0.06,0.0,false"
    })
    void rewardV1(double delta, double reward, boolean success) {
        assertThat(Reward.v1(delta)).isCloseTo(reward, within(1e-9));
        assertThat(Reward.v1Success(delta)).isEqualTo(success);
    }

    @Test
    void upliftReplacesTheRawDelta() {
        double uplift = 0.12 - 0.05;
        assertThat(Reward.v2(uplift)).isCloseTo(0.675, within(1e-9));
        assertThat(Reward.success(uplift)).isTrue();
    }

    @Test
    void windowsFollowTheDecisionOnsetAndExecution() {
        List<Reward.Tick> ticks = new ArrayList<>();
        for (int s = 0; s <= 200; s += 5) {
            ticks.add(new Reward.Tick(T0.plusSeconds(s), s < 40 ? 0.7 : (s < 100 ? 0.3 : 0.5)));
        }
        // decision at 50, onset at 40: pre = ticks 40..50 only (0.3), not the 0.7 before the drop
        assertThat(Reward.pre(ticks, T0.plusSeconds(50), T0.plusSeconds(40)).orElseThrow())
                .isCloseTo(0.3, within(1e-12));
        assertThat(Reward.pre(ticks, T0.plusSeconds(50), null).orElseThrow())
                .isCloseTo((0.7 * 3 + 0.3 * 3) / 6, within(1e-12));
        // executed at 60: post [105, 135] = 7 ticks of 0.5
        assertThat(Reward.post(ticks, T0.plusSeconds(60), false).orElseThrow()).isCloseTo(0.5, within(1e-12));
        // notification post [150, 210]: only 150..200 exist
        assertThat(Reward.post(ticks, T0.plusSeconds(60), true)).isPresent();
        assertThat(Reward.post(ticks.subList(0, 29), T0.plusSeconds(60), true))
                .as("fewer than 3 post ticks: incomplete")
                .isEmpty();
    }

    @Test
    void reasoningFollowsTheTemplate() {
        String text =
                Reasoning.of("SUDDEN_DROP", "CRITICAL", 0.36, 0.55, "severe", "POLL", 0.58, 12, 0.47, false, 7, 9);
        assertThat(text)
                .isEqualTo("SUDDEN_DROP (CRITICAL): engagement 0.36 is 35% below the expected 0.55 (severe"
                        + " deviation). POLL chosen: posterior mean 0.58 over 12 attempts, probability best 0.47. Success rate"
                        + " here 58%. Organizers accepted POLL here 7 of 9 times.");
        String exploring =
                Reasoning.of("LOW_ENGAGEMENT", "WARNING", 0.15, 0.15, "mild", "GAMIFICATION", 0.5, 0, 1.0, true, 0, 0);
        assertThat(exploring).endsWith("probability best 1.00. Few outcomes in this context yet, exploring.");
    }

    @Test
    void organizerAcceptance() {
        assertThat(Reasoning.acceptance(7, 1, 1)).isCloseTo(0.727273, within(1e-6));
    }

    @Test
    void theHoldoutMeanComesFromTheMostSpecificScopeWithTwentyCases() {
        LearningStore.Cases none = LearningStore.Cases.NONE;
        LearningStore.Cases few = new LearningStore.Cases(5, 0.9);
        assertThat(new LearningStore.HoldoutBaseline(
                                new LearningStore.Cases(25, 0.05),
                                new LearningStore.Cases(40, 0.2),
                                new LearningStore.Cases(90, 0.3),
                                new LearningStore.Cases(200, 0.4))
                        .mean())
                .hasValue(0.05);
        assertThat(new LearningStore.HoldoutBaseline(few, new LearningStore.Cases(30, 0.2), few, few).mean())
                .hasValue(0.2);
        assertThat(new LearningStore.HoldoutBaseline(few, few, few, new LearningStore.Cases(20, 0.04)).mean())
                .hasValue(0.04);
        LearningStore.HoldoutBaseline thin = new LearningStore.HoldoutBaseline(few, few, few, few);
        assertThat(thin.mean()).isEmpty();
        assertThat(thin.exists()).as("a baseline exists, so the floor applies").isTrue();
        assertThat(new LearningStore.HoldoutBaseline(none, none, none, none).exists())
                .isFalse();
    }
}

package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedSessionTests {

    @Test
    void ticksEveryFiveSecondsAndOnlyTheFirstMinuteIsPartial() {
        List<SimulatedSession.ScoredTick> ticks =
                SimulatedSession.of(Scenario.named("steady"), 100, 1L).run(Duration.ofSeconds(90));

        assertThat(ticks)
                .extracting(SimulatedSession.ScoredTick::second)
                .containsExactly(
                        5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 50L, 55L, 60L, 65L, 70L, 75L, 80L, 85L, 90L);
        assertThat(ticks.subList(0, 11)).allSatisfy(t -> assertThat(t.fed()).isFalse());
        assertThat(ticks.subList(11, 18)).allSatisfy(t -> assertThat(t.fed()).isTrue());
        assertThat(ticks.get(11).at()).isEqualTo(SimulatedSession.START.plusSeconds(60));
    }

    @Test
    void theWindowSeesTheSimulatedAudience() {
        List<SimulatedSession.ScoredTick> ticks =
                SimulatedSession.of(Scenario.named("steady"), 1_000, 2L).run(Duration.ofSeconds(60));
        SimulatedSession.ScoredTick last = ticks.get(ticks.size() - 1);

        assertThat(last.signals().connectedUsers()).isBetween(970, 1_000);
        assertThat(last.signals().chatMessages()).isBetween(40, 100);
        assertThat(last.signals().pollOpen()).isFalse();
    }

    @Test
    void aTinyRoomIsScoredButNotFed() {
        List<SimulatedSession.ScoredTick> ticks =
                SimulatedSession.of(Scenario.named("steady"), 2, 1L).run(Duration.ofSeconds(120));

        assertThat(ticks).isNotEmpty().noneMatch(SimulatedSession.ScoredTick::fed);
    }
}

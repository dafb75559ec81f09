package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTests {

    @Test
    void namesListTheScenariosOfContracts416() {
        assertThat(Scenario.names())
                .containsExactly("steady", "sudden_drop", "gradual_decline", "low_engagement", "mass_exit", "demo");
        assertThat(Scenario.names().stream().filter(n -> !n.equals("demo"))).allSatisfy(name -> {
            Scenario s = Scenario.named(name);
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.maxDuration()).isEqualTo(Duration.ofMinutes(30));
        });
    }

    @Test
    void steadyStaysAtBaselineThroughout() {
        LevelTimeline steady = timeline("steady");

        assertThat(List.of(steady.level(0), steady.level(900), steady.level(1_800)))
                .containsOnly(1.0);
        assertThat(steady.hazard(1_000)).isEqualTo(0.0002);
    }

    @Test
    void suddenDropFallsToPointFourFiveAtOnceAfter180SecondsOfBaseline() {
        LevelTimeline drop = timeline("sudden_drop");

        assertThat(drop.level(179)).isEqualTo(1.0);
        assertThat(drop.level(180)).isEqualTo(0.45);
        assertThat(drop.level(1_800)).isEqualTo(0.45);
        assertThat(drop.phaseAt(180).type()).isEqualTo(PhaseType.SUDDEN_DROP);
    }

    @Test
    void gradualDeclineReachesPointThreeFiveOver240Seconds() {
        LevelTimeline decline = timeline("gradual_decline");

        assertThat(decline.level(180)).isEqualTo(1.0);
        assertThat(decline.level(300)).isCloseTo(0.675, within(1e-12));
        assertThat(decline.level(420)).isCloseTo(0.35, within(1e-12));
        assertThat(decline.level(1_000)).isCloseTo(0.35, within(1e-12));
    }

    @Test
    void lowEngagementIsAtPointZeroFiveFromTheStart() {
        LevelTimeline low = timeline("low_engagement");

        assertThat(low.level(0)).isEqualTo(0.05);
        assertThat(low.level(1_000)).isEqualTo(0.05);
        assertThat(low.phaseAt(0).type()).isEqualTo(PhaseType.LOW);
    }

    @Test
    void massExitScriptsFiveStepsOfFivePercentAndThenTheLevelPointSix() {
        LevelTimeline exit = timeline("mass_exit");

        assertThat(List.of(
                        exit.exitFraction(180),
                        exit.exitFraction(185),
                        exit.exitFraction(190),
                        exit.exitFraction(195),
                        exit.exitFraction(200)))
                .containsOnly(0.05);
        assertThat(List.of(exit.exitFraction(179), exit.exitFraction(181), exit.exitFraction(205)))
                .containsOnly(0.0);
        assertThat(exit.level(199)).isEqualTo(1.0);
        assertThat(exit.level(200)).isEqualTo(0.6);
    }

    @Test
    void aPhaseRampsFromTheLevelThatTheEarlierPhasesReached() {
        LevelTimeline interrupted = new LevelTimeline(List.of(
                Phase.baseline(Duration.ZERO),
                Phase.gradualDecline(Duration.ofSeconds(180)),
                Phase.recovery(Duration.ofSeconds(300))));

        assertThat(interrupted.level(300)).isCloseTo(0.675, within(1e-12));
        assertThat(interrupted.level(360)).isCloseTo(0.7875, within(1e-12));
        assertThat(interrupted.level(420)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void unknownScenarioNamesAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> Scenario.named("chaos"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chaos");
    }

    @Test
    void theDemoGoesQuietAt40SecondsOfSessionTimeAfterThePreRoll() {
        Scenario demo = Scenario.named("demo");
        LevelTimeline timeline = new LevelTimeline(demo.phases());

        assertThat(demo.name()).isEqualTo("demo");
        assertThat(timeline.level(0)).isEqualTo(1.0);
        assertThat(timeline.level(150 + 39)).isEqualTo(1.0);
        assertThat(timeline.level(150 + 40)).isEqualTo(0.40);
        assertThat(timeline.phaseAt(150 + 40).type()).isEqualTo(PhaseType.SUDDEN_DROP);
        assertThat(demo.maxDuration()).isEqualTo(Duration.ofSeconds(150 + 300));
    }

    @Test
    void aTimelineMustStartAtZeroAndBeOrdered() {
        assertThatThrownBy(() ->
                        new Scenario("late", List.of(Phase.baseline(Duration.ofSeconds(5))), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT5S");
        assertThatThrownBy(() -> new Scenario(
                        "unordered",
                        List.of(
                                Phase.baseline(Duration.ZERO),
                                Phase.low(Duration.ofSeconds(60)),
                                Phase.low(Duration.ofSeconds(30))),
                        Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT30S");
        assertThatThrownBy(() -> Scenario.steady(1.0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDuration");
    }

    @Test
    void phaseValuesOutOfRangeAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> Phase.of(Duration.ZERO, PhaseType.BASELINE, 1.3, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetLevel")
                .hasMessageContaining("1.3");
        assertThatThrownBy(() -> Phase.baseline(Duration.ZERO).withLeaveHazard(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaveHazard")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Phase.baseline(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start");
        assertThatThrownBy(() -> new Phase(
                        Duration.ZERO,
                        PhaseType.MASS_EXIT,
                        0.6,
                        Duration.ZERO,
                        0.0002,
                        0.05,
                        Duration.ZERO,
                        Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exitStep");
    }

    private static LevelTimeline timeline(String name) {
        return new LevelTimeline(Scenario.named(name).phases());
    }
}

package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's calibration against the published {@code v2} score (R8.2) and the silent room of D1. */
class ScoreCalibrationTests {
    private static final int SEEDS = 20;

    @ParameterizedTest(name = "L = {0} publishes {1}")
    @CsvSource({"1.0, 0.83", "0.6, 0.63", "0.45, 0.53", "0.3, 0.41", "0.1, 0.19", "0.05, 0.11"})
    void aRoomWithoutPollPublishesTheCalibratedScoreAtEachLevel(double level, double expected) {
        // The mean over seeds of the mean score over the first two minutes with a full window (ticks 60 s … 175 s).
        double measured = LongStream.rangeClosed(1, SEEDS)
                .parallel()
                .mapToDouble(seed -> meanPublished(level, seed))
                .average()
                .orElseThrow();

        System.out.printf(
                Locale.ROOT,
                "R8.2 calibration N=1000 L=%.2f: published %.4f (spec %.2f ± 0.04)%n",
                level,
                measured,
                expected);
        assertThat(measured).isCloseTo(expected, within(0.04));
    }

    @Test
    void aSilentFiftyPersonRoomFallsToZeroSixtySecondsAfterItsLastActivity() {
        // D1 / TV-C5: activity until 120 s, silence from 121 s, no poll open.
        Scenario silent = new Scenario(
                "silent",
                List.of(
                        Phase.baseline(Duration.ZERO),
                        Phase.of(Duration.ofSeconds(121), PhaseType.LOW, 0.0, Duration.ZERO)),
                Duration.ofMinutes(5));
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<SimulatedSession.ScoredTick> ticks =
                    SimulatedSession.of(silent, 50, seed).run(Duration.ofSeconds(200));

            assertThat(published(ticks, 120))
                    .as("seed %d before the silence", seed)
                    .isGreaterThan(0.3);
            assertThat(ticks.stream().filter(t -> t.second() > 120 && t.second() <= 180))
                    .as("seed %d within 60 s", seed)
                    .anySatisfy(t -> assertThat(t.score().published()).isLessThanOrEqualTo(0.3));
            assertThat(published(ticks, 180)).as("seed %d at 60 s", seed).isEqualTo(0.0);
            assertThat(ticks.stream().filter(t -> t.second() >= 180))
                    .allSatisfy(t -> assertThat(t.score().published()).isEqualTo(0.0));
        }
    }

    private static double meanPublished(double level, long seed) {
        return SimulatedSession.of(Scenario.steady(level, Duration.ofMinutes(5)), 1_000, seed)
                .run(Duration.ofSeconds(175))
                .stream()
                .filter(t -> t.second() >= 60 && t.second() < 180)
                .mapToDouble(t -> t.score().published())
                .average()
                .orElseThrow();
    }

    private static double published(List<SimulatedSession.ScoredTick> ticks, long second) {
        return ticks.stream()
                .filter(t -> t.second() == second)
                .findFirst()
                .orElseThrow()
                .score()
                .published();
    }
}

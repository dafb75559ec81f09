package com.engagementconductor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AudienceSimulatorTests {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void sameSeedGivesTheSameEventSequence() {
        assertThat(eventsOf(42L)).isEqualTo(eventsOf(42L)).hasSizeGreaterThan(500);
    }

    @Test
    void differentSeedsGiveDifferentEventSequences() {
        assertThat(eventsOf(42L)).isNotEqualTo(eventsOf(43L));
    }

    @Test
    void everyAttendeeJoinsAtTheStartInstantInTheFirstStep() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("steady"), 50, 1L, START);

        List<AudienceEvent> first = sim.step();

        assertThat(first).hasSize(50).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("join");
            assertThat(e.timestamp()).isEqualTo(START);
        });
        assertThat(first.get(0).userId()).isEqualTo("sim-1");
        assertThat(first.get(49).userId()).isEqualTo("sim-50");
        assertThat(sim.connected()).isEqualTo(50);
        assertThat(sim.now()).isEqualTo(START);
    }

    @Test
    void eachLaterStepAdvancesOneSecondAndStampsItsEventsWithThatWholeSecond() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("steady"), 1_000, 3L, START);
        sim.step();
        for (int s = 1; s <= 120; s++) {
            List<AudienceEvent> events = sim.step();
            Instant expected = START.plusSeconds(s);
            assertThat(sim.now()).isEqualTo(expected);
            assertThat(events).allSatisfy(e -> assertThat(e.timestamp()).isEqualTo(expected));
        }
        assertThat(sim.eventsEmitted()).isGreaterThan(1_000 + 300);
    }

    @Test
    void actionRatesPerAttendeeAndMinuteFollowR82ScaledByTheLevel() {
        // 5 seeds × 1,000 attendees × 10 minutes; at L the expected count is 50,000 · L · rate (mean propensity 1).
        for (double level : new double[] {1.0, 0.5}) {
            Map<String, Long> counts = countTypes(Scenario.steady(level, Duration.ofMinutes(10)), 1_000, 5);
            double minutes = 5 * 1_000 * 10 * level;
            assertThat(counts.get("chat") / minutes).isCloseTo(0.07, within(0.07 * 0.06));
            assertThat(counts.get("reaction") / minutes).isCloseTo(0.12, within(0.12 * 0.06));
            assertThat(counts.get("qa_upvote") / minutes).isCloseTo(0.02, within(0.02 * 0.12));
            assertThat(counts.get("qa_question") / minutes).isCloseTo(0.005, within(0.005 * 0.25));
        }
    }

    @Test
    void countsPerMinuteAreNotOverDispersed() {
        // A fixed population's per-minute chat count is a sum of independent Bernoulli trials: variance ≈ mean.
        Scenario fixed = new Scenario(
                "fixed", List.of(Phase.baseline(Duration.ZERO).withLeaveHazard(0.0)), Duration.ofMinutes(61));
        double sumIndex = 0;
        for (long seed = 1; seed <= 10; seed++) {
            AudienceSimulator sim = new AudienceSimulator(fixed, 1_000, seed, START);
            sim.step();
            double[] perMinute = new double[60];
            for (int s = 0; s < 3_600; s++) {
                perMinute[s / 60] += ofType(sim.step(), "chat").size();
            }
            double mean = Arrays.stream(perMinute).average().orElseThrow();
            double variance =
                    Arrays.stream(perMinute).map(c -> (c - mean) * (c - mean)).sum() / 59;
            sumIndex += variance / mean;
        }

        assertThat(sumIndex / 10).isBetween(0.8, 1.2);
    }

    @Test
    void aSilentRoomOnlyJoinsAndLeaves() {
        Map<String, Long> counts = countTypes(Scenario.steady(0.0, Duration.ofMinutes(10)), 1_000, 1);

        assertThat(counts.keySet()).containsOnly("join", "leave");
    }

    @Test
    void attendeesLeaveWithThePerSecondHazard() {
        // P(leave within 1,800 s) = 1 − (1 − 0.0002)^1800 = 0.3023: 302 of 1,000 expected, sd 14.5.
        Map<String, Long> counts = countTypes(Scenario.named("steady"), 1_000, 1);
        assertThat(counts.get("leave")).isBetween(302L - 50, 302L + 50);

        Scenario restless = new Scenario(
                "restless",
                List.of(
                        Phase.baseline(Duration.ZERO),
                        Phase.baseline(Duration.ofSeconds(600)).withLeaveHazard(0.002)),
                Duration.ofSeconds(900));
        // 600 s at h = 0.0002 then 300 s at 0.002: 1 − 0.99988^... ≈ 1 − e^(−0.12 − 0.6) = 0.513.
        assertThat(countTypes(restless, 1_000, 1).get("leave")).isBetween(513L - 55, 513L + 55);
    }

    @Test
    void massExitRemovesFivePercentOfTheConnectedEveryFiveSecondsForTwentySecondsThenSetsTheLevel() {
        Scenario noHazard = new Scenario(
                "mass_exit without hazard",
                List.of(
                        Phase.baseline(Duration.ZERO).withLeaveHazard(0.0),
                        Phase.massExit(Duration.ofSeconds(180)).withLeaveHazard(0.0)),
                Duration.ofSeconds(300));
        AudienceSimulator sim = new AudienceSimulator(noHazard, 200, 5L, START);
        List<Long> leavesPerSecond = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        while (!sim.finished()) {
            leavesPerSecond.add(
                    sim.step().stream().filter(e -> e.type().equals("leave")).count());
            levels.add(sim.level());
        }

        // 200 → 190 → 180 → 171 → 162 → 154 (Math.round of 5 %: 10, 10, 9, 9, 8).
        assertThat(leavesPerSecond.subList(180, 201).stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(46);
        assertThat(List.of(
                        leavesPerSecond.get(180),
                        leavesPerSecond.get(185),
                        leavesPerSecond.get(190),
                        leavesPerSecond.get(195),
                        leavesPerSecond.get(200)))
                .containsExactly(10L, 10L, 9L, 9L, 8L);
        assertThat(sim.connected()).isEqualTo(154);
        assertThat(levels.get(199)).isEqualTo(1.0);
        assertThat(levels.get(200)).isEqualTo(0.6);
    }

    @Test
    void pollVotesArriveThreeToFortySecondsAfterOpeningWithProbabilityPointSixFiveTimesTheLevel() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("steady"), 1_000, 11L, START);
        stepUntil(sim, 100);
        int connectedAtOpening = sim.connected();
        sim.pollOpened("p1", 4);
        List<AudienceEvent> events = stepUntil(sim, 200);

        assertThat(events.get(0))
                .isEqualTo(new AudienceEvent("poll_opened", "sim-organizer", START.plusSeconds(100), "p1", null));
        List<AudienceEvent> votes = ofType(events, "poll_vote");
        assertThat(votes).allSatisfy(v -> {
            assertThat(v.timestamp()).isBetween(START.plusSeconds(103), START.plusSeconds(140));
            assertThat(v.pollId()).isEqualTo("p1");
            assertThat(v.optionId()).isIn("1", "2", "3", "4");
        });
        assertThat(votes.stream().map(AudienceEvent::userId).distinct()).hasSameSizeAs(votes);
        assertThat((double) votes.size()).isCloseTo(0.65 * connectedAtOpening, within(60.0));
        assertThat(votes.stream().map(AudienceEvent::timestamp).distinct()).hasSize(38);
    }

    @Test
    void voteProbabilityIsCappedAtPointNineFive() {
        AudienceModel enthusiastic = AudienceModel.defaults().withVoteSlope(0.8);
        AudienceSimulator sim =
                new AudienceSimulator(Scenario.steady(1.2, Duration.ofMinutes(5)), 1_000, 2L, START, enthusiastic);
        stepUntil(sim, 10);
        int connected = sim.connected();
        sim.pollOpened("p1", 2);

        long votes = ofType(stepUntil(sim, 60), "poll_vote").size();

        assertThat((double) votes).isCloseTo(0.95 * connected, within(25.0));
    }

    @Test
    void openingAPollClosesThePreviousOneAndItsPendingVotes() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("steady"), 500, 4L, START);
        stepUntil(sim, 50);
        sim.pollOpened("p1", 3);
        stepUntil(sim, 60);
        sim.pollOpened("p2", 3);
        List<AudienceEvent> events = stepUntil(sim, 120);

        assertThat(events.subList(0, 2))
                .containsExactly(
                        new AudienceEvent("poll_closed", "sim-organizer", START.plusSeconds(60), "p1", null),
                        new AudienceEvent("poll_opened", "sim-organizer", START.plusSeconds(60), "p2", null));
        assertThat(ofType(events, "poll_vote")).isNotEmpty().allSatisfy(v -> assertThat(v.pollId())
                .isEqualTo("p2"));
    }

    @Test
    void closingThePollStopsItsVotes() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("steady"), 500, 4L, START);
        stepUntil(sim, 50);
        sim.pollOpened("p1", 3);
        stepUntil(sim, 55);
        sim.pollClosed("p1");
        List<AudienceEvent> events = stepUntil(sim, 120);

        assertThat(events.get(0))
                .isEqualTo(new AudienceEvent("poll_closed", "sim-organizer", START.plusSeconds(55), "p1", null));
        assertThat(ofType(events, "poll_vote")).isEmpty();
    }

    @Test
    void aPollOpenedBeforeTheFirstStepCountsEveryoneWhoJoins() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("steady"), 100, 4L, START);
        sim.pollOpened("organizer-poll", 2);

        List<AudienceEvent> first = sim.step();
        List<AudienceEvent> later = stepUntil(sim, 60);

        assertThat(first).hasSize(101);
        assertThat(first.get(100).type()).isEqualTo("poll_opened");
        assertThat(ofType(later, "poll_vote")).hasSizeBetween(45, 85);
    }

    @Test
    void finishesAtTheScenarioMaximumDurationAndRefusesFurtherSteps() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.steady(1.0, Duration.ofSeconds(10)), 10, 1L, START);
        int steps = 0;
        while (!sim.finished()) {
            sim.step();
            steps++;
        }

        assertThat(steps).isEqualTo(11);
        assertThat(sim.now()).isEqualTo(START.plusSeconds(10));
        assertThatThrownBy(sim::step).isInstanceOf(IllegalStateException.class).hasMessageContaining("finished");
    }

    @Test
    void aScheduledPhaseMovesTheLevelFromTheLevelReached() {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("low_engagement"), 10, 1L, START);
        stepUntil(sim, 100);
        sim.schedulePhase(Phase.of(Duration.ofSeconds(105), PhaseType.RECOVERY, 0.95, Duration.ofSeconds(30)));

        stepUntil(sim, 105);
        assertThat(sim.level()).isCloseTo(0.05, within(1e-12));
        stepUntil(sim, 120);
        assertThat(sim.level()).isCloseTo(0.5, within(1e-12));
        stepUntil(sim, 140);
        assertThat(sim.level()).isCloseTo(0.95, within(1e-12));
        assertThat(sim.currentPhase().type()).isEqualTo(PhaseType.RECOVERY);
        assertThatThrownBy(() -> sim.schedulePhase(Phase.recovery(Duration.ofSeconds(140))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT2M20S");
    }

    @Test
    void rejectsAnAudienceOutOfRangeNamingTheValue() {
        assertThatThrownBy(() -> new AudienceSimulator(Scenario.named("steady"), 0, 1L, START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attendees")
                .hasMessageContaining(": 0");
    }

    @Test
    void eventsOutsideTheVocabularyAreRejected() {
        assertThatThrownBy(() -> new AudienceEvent("clap", "sim-1", START, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clap");
        assertThatThrownBy(() -> new AudienceEvent("poll_vote", "sim-1", START, "p1", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optionId");
    }

    private static List<AudienceEvent> eventsOf(long seed) {
        AudienceSimulator sim = new AudienceSimulator(Scenario.named("mass_exit"), 300, seed, START);
        List<AudienceEvent> all = new ArrayList<>(stepUntil(sim, 100));
        sim.pollOpened("p1", 4);
        all.addAll(stepUntil(sim, 600));
        return all;
    }

    /** Steps until the simulated time reaches the given second and returns the events of those steps. */
    static List<AudienceEvent> stepUntil(AudienceSimulator sim, long second) {
        List<AudienceEvent> events = new ArrayList<>();
        do {
            events.addAll(sim.step());
        } while (sim.elapsed().getSeconds() < second);
        return events;
    }

    private static Map<String, Long> countTypes(Scenario scenario, int attendees, int seeds) {
        List<AudienceEvent> events = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            AudienceSimulator sim = new AudienceSimulator(scenario, attendees, seed, START);
            while (!sim.finished()) {
                events.addAll(sim.step());
            }
        }
        return events.stream().collect(Collectors.groupingBy(AudienceEvent::type, Collectors.counting()));
    }

    private static List<AudienceEvent> ofType(List<AudienceEvent> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }
}

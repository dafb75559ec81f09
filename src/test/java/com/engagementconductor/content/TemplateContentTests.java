package com.engagementconductor.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Template selection without recent repeats (R6.5, TV-G3), placeholders, and validity of every template output. */
class TemplateContentTests {

    private static final List<String> QUICK_PULSE = TemplateLibrary.polls(PollCategory.QUICK_PULSE).stream()
            .map(TemplatePoll::question)
            .toList();

    @Test
    void tvG3TheSixthQuickPulseQuestionFollowsTheOtherFive() {
        for (long seed = 0; seed < 50; seed++) {
            ContentHistory history = new ContentHistory();
            QUICK_PULSE.subList(0, 5).forEach(history::recordQuestion);

            TemplatePoll next = new TemplateContent(new SplittableRandom(seed))
                    .choosePoll(AnomalyKind.SUDDEN_DROP, "Keynote", null, history);

            assertThat(next.id()).isEqualTo("QP6");
        }
    }

    @Test
    void questionsUsedByModelsOrOrganizersCountTooIgnoringCaseAndSpacing() {
        ContentHistory history = new ContentHistory();
        history.recordQuestion("  how is the PACE   right now? ");
        QUICK_PULSE.subList(1, 5).forEach(history::recordQuestion);
        history.recordQuestion("A question no template has");

        TemplatePoll next =
                new TemplateContent(new SplittableRandom(3)).choosePoll(AnomalyKind.SUDDEN_DROP, null, null, history);

        assertThat(next.id()).isEqualTo("QP6");
        assertThat(history.recentQuestions()).hasSize(7).contains("how is the pace right now?");
    }

    @Test
    void whenEveryCandidateIsRecentTheOneUsedLongestAgoComesNext() {
        TemplateContent templates = new TemplateContent(new SplittableRandom(11));
        ContentHistory history = new ContentHistory();
        List<String> draws = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            draws.add(templates
                    .choosePoll(AnomalyKind.SUDDEN_DROP, null, null, history)
                    .question());
        }

        assertThat(draws.subList(0, 6)).containsExactlyInAnyOrderElementsOf(QUICK_PULSE);
        assertThat(draws.subList(6, 12)).isEqualTo(draws.subList(0, 6));
        assertThat(draws.subList(12, 18)).isEqualTo(draws.subList(0, 6));
        assertThat(history.recentQuestions()).hasSize(6);
    }

    @Test
    void noQuestionRepeatsWithinTheLastTenWhileAnotherCandidateIsFresh() {
        RandomGenerator scenario = new SplittableRandom(7);
        TemplateContent templates = new TemplateContent(new SplittableRandom(8));
        ContentHistory history = new ContentHistory();
        List<String> used = new ArrayList<>();
        String[] titles = {"Keynote", "Cloud costs", null};
        for (int i = 0; i < 2_000; i++) {
            AnomalyKind type = AnomalyKind.values()[scenario.nextInt(AnomalyKind.values().length)];
            String title = titles[scenario.nextInt(titles.length)];
            List<String> candidates = TemplateLibrary.candidates(type, title, null).stream()
                    .map(TemplatePoll::question)
                    .toList();
            List<String> recent = lastDistinct(used, 10);

            String chosen = templates.choosePoll(type, title, null, history).question();

            if (candidates.stream().anyMatch(q -> !recent.contains(q))) {
                assertThat(recent).as("draw %d", i).doesNotContain(chosen);
            } else {
                String oldest = candidates.stream()
                        .min((a, b) -> Integer.compare(recent.indexOf(a), recent.indexOf(b)))
                        .orElseThrow();
                assertThat(chosen).as("draw %d", i).isEqualTo(oldest);
            }
            assertThat(candidates).contains(chosen);
            used.add(chosen);
        }
        assertThat(new LinkedHashSet<>(used)).hasSize(25);
    }

    /** The last {@code n} distinct entries, oldest first. */
    private static List<String> lastDistinct(List<String> used, int n) {
        List<String> recent = new ArrayList<>();
        for (int i = used.size() - 1; i >= 0 && recent.size() < n; i--) {
            if (!recent.contains(used.get(i))) {
                recent.add(0, used.get(i));
            }
        }
        return recent;
    }

    @Test
    void theSameSeedGivesTheSameChoices() {
        assertThat(draws(42)).isEqualTo(draws(42));
        assertThat(draws(42)).isNotEqualTo(draws(43));
    }

    private static List<String> draws(long seed) {
        TemplateContent templates = new TemplateContent(new SplittableRandom(seed));
        ContentHistory history = new ContentHistory();
        List<String> draws = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AnomalyKind type = AnomalyKind.values()[i % 4];
            draws.add(templates.choosePoll(type, "Cloud costs", null, history).id());
            draws.add(templates.broadcast(type, history).message());
        }
        return draws;
    }

    @ParameterizedTest
    @EnumSource(AnomalyKind.class)
    void broadcastsAlternateWithinEachType(AnomalyKind type) {
        TemplateContent templates = new TemplateContent(new SplittableRandom(5));
        ContentHistory history = new ContentHistory();

        String first = templates.broadcast(type, history).message();
        templates.broadcast(AnomalyKind.values()[(type.ordinal() + 1) % 4], history);
        String second = templates.broadcast(type, history).message();
        String third = templates.broadcast(type, history).message();
        String fourth = templates.broadcast(type, history).message();

        assertThat(List.of(first, second)).containsExactlyInAnyOrderElementsOf(TemplateLibrary.broadcasts(type));
        assertThat(third).isEqualTo(first);
        assertThat(fourth).isEqualTo(second);
    }

    @Test
    void bothBroadcastsCanComeFirst() {
        List<String> firsts = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            firsts.add(new TemplateContent(new SplittableRandom(seed))
                    .broadcast(AnomalyKind.MASS_EXIT, new ContentHistory())
                    .message());
        }

        assertThat(firsts).containsAll(TemplateLibrary.broadcasts(AnomalyKind.MASS_EXIT));
    }

    @Test
    void suddenDropNotificationStatesTheFallAgainstSixtySecondsEarlier() {
        NotificationContent content = TemplateContent.notification(
                Requests.notification(AnomalyKind.SUDDEN_DROP, "Keynote", 0.31, 0.58, 0.0, 0, null));

        assertThat(content.title()).isEqualTo("Engagement dropped sharply");
        assertThat(content.body()).isEqualTo("Activity fell 47% in the last minute in Keynote.");
        assertThat(content.priority()).isEqualTo(NotificationPriority.HIGH);
        assertThat(content.suggestedAction()).isEqualTo("Invite questions or show a live example now.");
    }

    @Test
    void suddenDropWithoutAnEarlierScoreOrWithARiseSaysZero() {
        assertThat(body(Requests.notification(AnomalyKind.SUDDEN_DROP, "Keynote", 0.31, null, 0.0, 0, null)))
                .isEqualTo("Activity fell 0% in the last minute in Keynote.");
        assertThat(body(Requests.notification(AnomalyKind.SUDDEN_DROP, "Keynote", 0.5, 0.4, 0.0, 0, null)))
                .isEqualTo("Activity fell 0% in the last minute in Keynote.");
        assertThat(body(Requests.notification(AnomalyKind.SUDDEN_DROP, "Keynote", 0.0, 0.8, 0.0, 0, null)))
                .isEqualTo("Activity fell 100% in the last minute in Keynote.");
    }

    @Test
    void gradualDeclineCountsTheFitSpanPlusTimeSinceOnset() {
        assertThat(body(declineSince(null))).isEqualTo("Engagement has declined for 2 min in Keynote.");
        assertThat(body(declineSince(Duration.ZERO))).isEqualTo("Engagement has declined for 2 min in Keynote.");
        assertThat(body(declineSince(Duration.ofMillis(89_999))))
                .isEqualTo("Engagement has declined for 3 min in Keynote.");
        assertThat(body(declineSince(Duration.ofSeconds(90))))
                .isEqualTo("Engagement has declined for 4 min in Keynote.");
        assertThat(body(declineSince(Duration.ofSeconds(95))))
                .isEqualTo("Engagement has declined for 4 min in Keynote.");
        assertThat(body(declineSince(Duration.ofSeconds(-30))))
                .isEqualTo("Engagement has declined for 2 min in Keynote.");
    }

    private static ContentRequest declineSince(@Nullable Duration sinceOnset) {
        return Requests.notification(
                AnomalyKind.GRADUAL_DECLINE,
                "Keynote",
                0.4,
                0.5,
                0.0,
                0,
                sinceOnset == null ? null : Requests.NOW.minus(sinceOnset));
    }

    @Test
    void lowEngagementShowsTheScoreOnTheDisplayScale() {
        assertThat(body(Requests.notification(AnomalyKind.LOW_ENGAGEMENT, "Keynote", 0.31, 0.3, 0.0, 0, null)))
                .isEqualTo("Engagement has stayed low (31.0) in Keynote.");
        assertThat(body(Requests.notification(AnomalyKind.LOW_ENGAGEMENT, "Keynote", 0.582899, null, 0.0, 0, null)))
                .isEqualTo("Engagement has stayed low (58.3) in Keynote.");
        assertThat(body(Requests.notification(AnomalyKind.LOW_ENGAGEMENT, "Keynote", 0.0, null, 0.0, 0, null)))
                .isEqualTo("Engagement has stayed low (0.0) in Keynote.");
    }

    @Test
    void massExitStatesLeaversAndLeaveRate() {
        assertThat(body(Requests.notification(AnomalyKind.MASS_EXIT, "Keynote", 0.3, 0.5, 0.154, 12, null)))
                .isEqualTo("12 people left in the last minute (15%) in Keynote.");
        assertThat(body(Requests.notification(AnomalyKind.MASS_EXIT, "Keynote", 0.3, 0.5, 0.145, 7, null)))
                .as("14.5 rounds half-up after rounding to 9 decimals")
                .isEqualTo("7 people left in the last minute (15%) in Keynote.");
    }

    @Test
    void missingOrBlankTitleReadsThisSession() {
        assertThat(body(Requests.notification(AnomalyKind.LOW_ENGAGEMENT, null, 0.15, null, 0.0, 0, null)))
                .isEqualTo("Engagement has stayed low (15.0) in this session.");
        assertThat(body(Requests.notification(AnomalyKind.LOW_ENGAGEMENT, "  \n ", 0.15, null, 0.0, 0, null)))
                .isEqualTo("Engagement has stayed low (15.0) in this session.");
    }

    @Test
    void titlesAreInsertedVerbatimOnOneLineAndShortenedToFit() {
        assertThat(body(Requests.notification(
                        AnomalyKind.LOW_ENGAGEMENT, "50% off {pct}\nTalk", 0.2, null, 0, 0, null)))
                .isEqualTo("Engagement has stayed low (20.0) in 50% off {pct} Talk.");

        String longTitle = "A".repeat(500);
        NotificationContent content = TemplateContent.notification(
                Requests.notification(AnomalyKind.MASS_EXIT, longTitle, 0.3, 0.5, 1.0, 999_999, null));
        assertThat(content.body())
                .startsWith("999999 people left in the last minute (100%) in AAA")
                .endsWith("A….");
        assertThat(content.body().codePointCount(0, content.body().length())).isLessThanOrEqualTo(200);
        assertThat(ContentValidator.validate(content).isValid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AnomalyKind.class)
    void gamificationStartsTheTypesChallengeWithFixedValues(AnomalyKind type) {
        GamificationContent content = TemplateContent.gamification(type);
        ChallengeTemplate template = TemplateLibrary.challenge(type);

        assertThat(content.action()).isEqualTo(GamificationAction.START_CHALLENGE);
        assertThat(content.template()).isEqualTo(template);
        assertThat(content.durationMinutes()).isEqualTo(template.durationMinutes());
        assertThat(content.rewards()).isEqualTo(template.rewards());
        assertThat(content.multiplier()).isNull();
        assertThat(ContentValidator.validate(content).isValid()).isTrue();
    }

    @Test
    void chatBlitzIsNamedAsTheAttendeeContractShowsIt() {
        GamificationContent content = TemplateContent.gamification(AnomalyKind.SUDDEN_DROP);

        assertThat(content.name()).isEqualTo("Chat Blitz");
        assertThat(content.description()).isEqualTo("Most messages in 5 minutes wins");
    }

    @Test
    void everyTemplateOutputPassesValidation() {
        TemplateContent templates = new TemplateContent(new SplittableRandom(1));
        String[] titles = {"Keynote", "Cloud costs", null, "x".repeat(300)};
        for (InterventionKind kind : InterventionKind.values()) {
            for (AnomalyKind type : AnomalyKind.values()) {
                for (String title : titles) {
                    ContentHistory history = new ContentHistory();
                    for (int i = 0; i < 12; i++) {
                        ContentRequest request = new ContentRequest(
                                kind,
                                type,
                                AnomalySeverity.CRITICAL,
                                title,
                                "ML",
                                0.12,
                                0.9,
                                0.4,
                                40,
                                Requests.NOW,
                                Requests.NOW.minusSeconds(600));

                        InterventionContent content = templates.produce(request, history);

                        assertThat(content.kind()).isEqualTo(kind);
                        assertThat(ContentValidator.validate(content).reason())
                                .as("%s %s %s", kind, type, title)
                                .isNull();
                    }
                }
            }
        }
    }

    private static String body(ContentRequest request) {
        return TemplateContent.notification(request).body();
    }
}

package com.engagementconductor.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The limits of R6.1 and R6.3 for generated and template content, TV-G1 and the link ban. */
class ContentValidatorTests {

    @Test
    void tvG1BoostWithMultiplierFiveIsRejected() {
        ValidationResult result = ContentValidator.parse(
                InterventionKind.GAMIFICATION,
                Map.of("action", "POINTS_BOOST", "multiplier", 5.0, "duration_minutes", 5));

        assertThat(result.isValid()).isFalse();
        assertThat(result.reason()).isEqualTo("multiplier must be 1.5–3.0 in steps of 0.5: 5.0");
    }

    @Test
    void tvG1UnknownChallengeTemplateIsRejected() {
        ValidationResult result = ContentValidator.parse(
                InterventionKind.GAMIFICATION,
                Map.of("action", "START_CHALLENGE", "template", "MEGA_RACE", "name", "Mega", "description", "Go"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.reason())
                .isEqualTo("template: must be one of CHAT_BLITZ, POLL_RUSH, QA_SPRINT, POINTS_RACE: MEGA_RACE");
    }

    @Test
    void boostMultiplierMovesInHalfSteps() {
        for (double ok : new double[] {1.5, 2.0, 2.5, 3.0}) {
            assertThat(ContentValidator.validate(GamificationContent.boost(ok, 5))
                            .isValid())
                    .as("%s", ok)
                    .isTrue();
        }
        for (double bad : new double[] {1.0, 1.75, 2.2, 3.5}) {
            assertThat(ContentValidator.validate(GamificationContent.boost(bad, 5))
                            .isValid())
                    .as("%s", bad)
                    .isFalse();
        }
    }

    @Test
    void boostLastsTwoToTenMinutes() {
        assertThat(ContentValidator.validate(GamificationContent.boost(2.0, 2)).isValid())
                .isTrue();
        assertThat(ContentValidator.validate(GamificationContent.boost(2.0, 10)).isValid())
                .isTrue();
        assertThat(ContentValidator.validate(GamificationContent.boost(2.0, 1)).reason())
                .isEqualTo("duration_minutes must be 2–10 for a boost: 1");
        assertThat(ContentValidator.validate(GamificationContent.boost(2.0, 11)).isValid())
                .isFalse();
    }

    @Test
    void modelOutputForABoostBecomesContentWithDefaultsForMissingText() {
        ValidationResult result = ContentValidator.parse(
                InterventionKind.GAMIFICATION,
                Map.of("action", "POINTS_BOOST", "multiplier", 2.5, "duration_minutes", 4));

        assertThat(result.content())
                .isEqualTo(new GamificationContent(
                        GamificationAction.POINTS_BOOST,
                        null,
                        "Points Boost",
                        "Earn 2.5x points for the next 4 minutes",
                        null,
                        4,
                        2.5));
    }

    @Test
    void modelMayOnlyChooseTemplateNameAndDescriptionOfAChallenge() {
        Map<String, Object> json = new HashMap<>(Map.of(
                "action",
                "START_CHALLENGE",
                "template",
                "QA_SPRINT",
                "name",
                "Question Quest",
                "description",
                "Best questions win"));
        assertThat(ContentValidator.parse(InterventionKind.GAMIFICATION, json).content())
                .isEqualTo(GamificationContent.challenge(
                        ChallengeTemplate.QA_SPRINT, "Question Quest", "Best questions win"));

        json.put("duration_minutes", 10);
        json.put("rewards", Map.of("first", 60, "second", 35, "third", 20));
        assertThat(ContentValidator.parse(InterventionKind.GAMIFICATION, json).isValid())
                .isTrue();

        json.put("duration_minutes", 20);
        assertThat(ContentValidator.parse(InterventionKind.GAMIFICATION, json).reason())
                .isEqualTo("duration_minutes: is fixed at 10 for QA_SPRINT: 20");

        json.put("duration_minutes", 10);
        json.put("rewards", Map.of("first", 600, "second", 35, "third", 20));
        assertThat(ContentValidator.parse(InterventionKind.GAMIFICATION, json).reason())
                .isEqualTo("rewards: are fixed at 60/35/20 for QA_SPRINT");

        json.remove("rewards");
        json.put("multiplier", 2.0);
        assertThat(ContentValidator.parse(InterventionKind.GAMIFICATION, json).reason())
                .isEqualTo("multiplier: applies to POINTS_BOOST only");
    }

    @Test
    void typedChallengeMustKeepItsTemplatesValues() {
        GamificationContent longer = new GamificationContent(
                GamificationAction.START_CHALLENGE,
                ChallengeTemplate.CHAT_BLITZ,
                "Chat Blitz",
                "Talk!",
                ChallengeTemplate.CHAT_BLITZ.rewards(),
                7,
                null);
        GamificationContent richer = new GamificationContent(
                GamificationAction.START_CHALLENGE,
                ChallengeTemplate.CHAT_BLITZ,
                "Chat Blitz",
                "Talk!",
                new Rewards(500, 30, 15),
                5,
                null);

        assertThat(ContentValidator.validate(longer).reason())
                .isEqualTo("duration_minutes is fixed at 5 for CHAT_BLITZ: 7");
        assertThat(ContentValidator.validate(richer).reason())
                .isEqualTo("rewards are fixed at 50/30/15 for CHAT_BLITZ");
    }

    @Test
    void challengeNameAndDescriptionHaveLimits() {
        assertThat(ContentValidator.validate(
                                GamificationContent.challenge(ChallengeTemplate.POLL_RUSH, "n".repeat(40), "d"))
                        .isValid())
                .isTrue();
        assertThat(ContentValidator.validate(
                                GamificationContent.challenge(ChallengeTemplate.POLL_RUSH, "n".repeat(41), "d"))
                        .reason())
                .isEqualTo("name must have 1–40 characters, has 41");
        assertThat(ContentValidator.validate(
                                GamificationContent.challenge(ChallengeTemplate.POLL_RUSH, "Rush", "d".repeat(161)))
                        .reason())
                .isEqualTo("description must have 1–160 characters, has 161");
    }

    @Test
    void unknownGamificationActionIsRejected() {
        assertThat(ContentValidator.parse(InterventionKind.GAMIFICATION, Map.of("action", "GIVE_PRIZES"))
                        .reason())
                .isEqualTo("action: must be START_CHALLENGE or POINTS_BOOST: GIVE_PRIZES");
    }

    @Test
    void pollQuestionHasTenToHundredCharacters() {
        assertThat(ContentValidator.validate(poll("x".repeat(9), "Yes", "No")).reason())
                .isEqualTo("question must have 10–100 characters, has 9");
        assertThat(ContentValidator.validate(poll("x".repeat(10), "Yes", "No")).isValid())
                .isTrue();
        assertThat(ContentValidator.validate(poll("x".repeat(100), "Yes", "No")).isValid())
                .isTrue();
        assertThat(ContentValidator.validate(poll("x".repeat(101), "Yes", "No")).isValid())
                .isFalse();
    }

    @Test
    void pollHasTwoToFourDistinctShortOptions() {
        assertThat(ContentValidator.validate(poll("Ready to go on?", "Yes")).reason())
                .isEqualTo("options must have 2–4 entries, has 1");
        assertThat(ContentValidator.validate(poll("Ready to go on?", "A", "B", "C", "D", "E"))
                        .isValid())
                .isFalse();
        assertThat(ContentValidator.validate(poll("Ready to go on?", "A", "B", "C", "D"))
                        .isValid())
                .isTrue();
        assertThat(ContentValidator.validate(poll("Ready to go on?", "Yes", "yes "))
                        .reason())
                .isEqualTo("options must be distinct: yes ");
        assertThat(ContentValidator.validate(poll("Ready to go on?", "Yes", "o".repeat(61)))
                        .reason())
                .isEqualTo("options[1] must have 1–60 characters, has 61");
        assertThat(ContentValidator.validate(poll("Ready to go on?", "Yes", " "))
                        .reason())
                .isEqualTo("options[1] must not be blank");
    }

    @Test
    void pollLastsExactlySixtySeconds() {
        PollContent shortPoll = new PollContent("Ready to go on?", List.of("Yes", "No"), 30);

        assertThat(ContentValidator.validate(shortPoll).reason()).isEqualTo("duration must be exactly 60 seconds: 30");
        assertThat(ContentValidator.parse(
                                InterventionKind.POLL,
                                Map.of(
                                        "question",
                                        "Ready to go on?",
                                        "options",
                                        List.of("Yes", "No"),
                                        "duration_seconds",
                                        90))
                        .reason())
                .isEqualTo("duration_seconds: must be exactly 60: 90");
    }

    @Test
    void modelOutputForAPollIsReadAndStripped() {
        ValidationResult result = ContentValidator.parse(
                InterventionKind.POLL,
                Map.of("question", "  Ready to go on? ", "options", List.of("Yes ", " No"), "extra", true));

        assertThat(result.content()).isEqualTo(new PollContent("Ready to go on?", List.of("Yes", "No"), 60));
    }

    @Test
    void malformedModelOutputNamesTheField() {
        assertThat(ContentValidator.parse(InterventionKind.POLL, Map.of("question", 42, "options", List.of("a", "b")))
                        .reason())
                .isEqualTo("question: must be a string");
        assertThat(ContentValidator.parse(
                                InterventionKind.POLL,
                                Map.of("question", "Ready to go on?", "options", List.of("a", 2)))
                        .reason())
                .isEqualTo("options[1]: must be a string");
        assertThat(ContentValidator.parse(InterventionKind.BROADCAST, Map.of()).reason())
                .isEqualTo("message: is required");
    }

    @Test
    void broadcastIsOneLineOfTenToHundredTwentyCharacters() {
        assertThat(ContentValidator.validate(new BroadcastContent("Hello all!")).isValid())
                .isTrue();
        assertThat(ContentValidator.validate(new BroadcastContent("Hello all")).reason())
                .isEqualTo("message must have 10–120 characters, has 9");
        assertThat(ContentValidator.validate(new BroadcastContent("m".repeat(120)))
                        .isValid())
                .isTrue();
        assertThat(ContentValidator.validate(new BroadcastContent("m".repeat(121)))
                        .isValid())
                .isFalse();
        assertThat(ContentValidator.validate(new BroadcastContent("First line\nsecond line"))
                        .reason())
                .isEqualTo("message must be one line");
        assertThat(ContentValidator.validate(new BroadcastContent("First line\u2028second line"))
                        .reason())
                .isEqualTo("message must be one line");
    }

    @Test
    void charactersAreCountedAsCodePoints() {
        String emoji = "\uD83C\uDF89".repeat(60);

        assertThat(ContentValidator.validate(new BroadcastContent(emoji)).isValid())
                .isTrue();
    }

    @Test
    void notificationHasLimitsAndAKnownPriority() {
        Map<String, Object> json = new HashMap<>(Map.of(
                "title",
                "Audience is quiet",
                "body",
                "Engagement is low.",
                "priority",
                "medium",
                "suggested_action",
                "Ask a question."));
        assertThat(ContentValidator.parse(InterventionKind.NOTIFICATION, json).content())
                .isEqualTo(new NotificationContent(
                        "Audience is quiet", "Engagement is low.", NotificationPriority.MEDIUM, "Ask a question."));

        json.put("priority", "urgent");
        assertThat(ContentValidator.parse(InterventionKind.NOTIFICATION, json).reason())
                .isEqualTo("priority: must be high, medium or low: urgent");

        json.put("priority", "high");
        json.put("body", "b".repeat(201));
        assertThat(ContentValidator.parse(InterventionKind.NOTIFICATION, json).reason())
                .isEqualTo("body must have 1–200 characters, has 201");

        json.put("body", "ok");
        json.put("title", "t".repeat(61));
        assertThat(ContentValidator.parse(InterventionKind.NOTIFICATION, json).reason())
                .isEqualTo("title must have 1–60 characters, has 61");

        json.put("title", "ok");
        json.remove("suggested_action");
        assertThat(ContentValidator.parse(InterventionKind.NOTIFICATION, json).reason())
                .isEqualTo("suggested_action: is required");

        NotificationContent longAction = new NotificationContent("t", "b", NotificationPriority.LOW, "a".repeat(121));
        assertThat(ContentValidator.validate(longAction).reason())
                .isEqualTo("suggested_action must have 1–120 characters, has 121");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Slides at https://example.org/slides now",
                "Slides at http://10.0.0.1:8080 now",
                "Go to www.example.com for more",
                "Short link: bit.ly/abc123 for you",
                "Visit evil-site.com to claim prizes",
                "Visit SHOP.EXAMPLE.NET right away",
                "Open ftp://files.example.org for notes",
                "Mail speaker@example.com with questions",
                "Write to first.last+talk@conf.example.co.uk now",
            })
    void attendeeTextWithALinkOrAnEmailAddressIsRejected(String text) {
        assertThat(ContentValidator.validate(new BroadcastContent(text)).isValid())
                .isFalse();
        assertThat(ContentValidator.validate(poll(text, "Yes", "No")).isValid()).isFalse();
        assertThat(ContentValidator.validate(
                                poll("Ready to go on?", "Yes", text.substring(0, Math.min(60, text.length()))))
                        .isValid())
                .isFalse();
        assertThat(ContentValidator.validate(GamificationContent.challenge(ChallengeTemplate.CHAT_BLITZ, "Blitz", text))
                        .isValid())
                .isFalse();
    }

    @Test
    void injectedLinkFromChatNeverPassesTvG2() {
        ValidationResult result = ContentValidator.parse(
                InterventionKind.BROADCAST, Map.of("message", "As requested, here is the link: https://evil.example"));

        assertThat(result.reason()).startsWith("message must not contain a URL");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Which is faster: Node.js or Deno?",
                "Q&A time: ask us anything now.",
                "Vote 1, 2 or 3 in chat, e.g. 2.",
                "Follow @speaker on stage today!",
                "Version 2.0 ships at 10:30 today",
            })
    void ordinaryTextIsNotMistakenForALink(String text) {
        assertThat(ContentValidator.validate(new BroadcastContent(text)).reason())
                .isNull();
    }

    @Test
    void organizerNotificationsMayMentionLinks() {
        NotificationContent content = new NotificationContent(
                "Check the stream",
                "Viewers report issues on https://status.example.com",
                NotificationPriority.HIGH,
                "Check the status page.");

        assertThat(ContentValidator.validate(content).isValid()).isTrue();
    }

    private static PollContent poll(String question, String... options) {
        return new PollContent(question, List.of(options), 60);
    }
}

package com.engagementconductor.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.InvalidInput.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Organizer-provided content in a manual intervention's {@code context}, with the limits of contracts §4.9. */
class ManualOverridesTests {

    @Test
    void contextWithoutContentKeysOverridesNothing() {
        assertThat(ManualOverrides.read(InterventionKind.POLL, null)).isEmpty();
        assertThat(ManualOverrides.read(InterventionKind.POLL, Map.of("note", "speaker asked")))
                .isEmpty();
        assertThat(ManualOverrides.read(InterventionKind.BROADCAST, Map.of("question", "Not for a broadcast")))
                .isEmpty();
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("message", null);
        assertThat(ManualOverrides.read(InterventionKind.BROADCAST, nulls)).isEmpty();
    }

    @Test
    void pollAcceptsTheWiderManualLimits() {
        Map<String, Object> context = Map.of(
                "question", "q".repeat(200),
                "options", List.of("1", "2", "3", "4", "5", "o".repeat(100)),
                "duration_seconds", 600);

        InterventionContent content =
                ManualOverrides.read(InterventionKind.POLL, context).orElseThrow();

        assertThat(content)
                .isEqualTo(new PollContent("q".repeat(200), List.of("1", "2", "3", "4", "5", "o".repeat(100)), 600));
        assertThat(ContentValidator.validate(content).isValid())
                .as("manual limits differ from R6.1")
                .isFalse();
    }

    @Test
    void pollFromTheContractExampleGetsTheStandardDuration() {
        Map<String, Object> context =
                Map.of("question", "How is the pace so far?", "options", List.of("Too fast", "Just right", "Too slow"));

        assertThat(ManualOverrides.read(InterventionKind.POLL, context))
                .contains(
                        new PollContent("How is the pace so far?", List.of("Too fast", "Just right", "Too slow"), 60));
    }

    @Test
    void everyBadPollFieldIsNamed() {
        Map<String, Object> context = Map.of(
                "question", "q".repeat(201),
                "options", List.of("a", "b", "o".repeat(101), "d", "e", "f", "g"),
                "duration_seconds", 10);

        assertThat(errors(InterventionKind.POLL, context))
                .containsExactly(
                        new FieldError("context.question", "must have 1–200 characters, has 201"),
                        new FieldError("context.options", "must have 2–6 entries, has 7"),
                        new FieldError("context.options[2]", "must have 1–100 characters, has 101"),
                        new FieldError("context.duration_seconds", "must be 15–600: 10"));
    }

    @Test
    void pollNeedsQuestionAndOptionsTogether() {
        assertThat(errors(InterventionKind.POLL, Map.of("question", "Pace?")))
                .containsExactly(new FieldError("context.options", "is required"));
        assertThat(errors(InterventionKind.POLL, Map.of("question", 7, "options", "Yes,No", "duration_seconds", 30.5)))
                .containsExactly(
                        new FieldError("context.question", "must be a string"),
                        new FieldError("context.options", "must be an array of strings"),
                        new FieldError("context.duration_seconds", "must be a whole number: 30.5"));
    }

    @Test
    void broadcastMessageHasOneToTwoHundredEightyCharacters() {
        assertThat(ManualOverrides.read(InterventionKind.BROADCAST, Map.of("message", "m".repeat(280))))
                .contains(new BroadcastContent("m".repeat(280)));
        assertThat(ManualOverrides.read(InterventionKind.BROADCAST, Map.of("message", "Hi")))
                .contains(new BroadcastContent("Hi"));
        assertThat(errors(InterventionKind.BROADCAST, Map.of("message", "m".repeat(281))))
                .containsExactly(new FieldError("context.message", "must have 1–280 characters, has 281"));
        assertThat(errors(InterventionKind.BROADCAST, Map.of("message", "   ")))
                .containsExactly(new FieldError("context.message", "must not be blank"));
    }

    @Test
    void organizersMayShareLinksInTheirOwnContent() {
        assertThat(ManualOverrides.read(
                        InterventionKind.BROADCAST, Map.of("message", "Slides: https://conf.example.org/slides")))
                .isPresent();
    }

    @Test
    void notificationNeedsTitleAndBodyAndDefaultsToMediumPriority() {
        assertThat(ManualOverrides.read(
                        InterventionKind.NOTIFICATION, Map.of("title", "Heads up", "body", "Break in 5")))
                .contains(new NotificationContent("Heads up", "Break in 5", NotificationPriority.MEDIUM, null));
        assertThat(errors(InterventionKind.NOTIFICATION, Map.of("title", "t".repeat(61))))
                .containsExactly(
                        new FieldError("context.title", "must have 1–60 characters, has 61"),
                        new FieldError("context.body", "is required"));
        assertThat(errors(
                        InterventionKind.NOTIFICATION,
                        Map.of("title", "Heads up", "body", "b".repeat(201), "priority", "urgent")))
                .containsExactly(
                        new FieldError("context.body", "must have 1–200 characters, has 201"),
                        new FieldError("context.priority", "must be high, medium or low: urgent"));
    }

    @Test
    void challengeKeepsItsTemplatesFixedValues() {
        InterventionContent content = ManualOverrides.read(
                        InterventionKind.GAMIFICATION, Map.of("action", "START_CHALLENGE", "template", "POINTS_RACE"))
                .orElseThrow();

        assertThat(content).isEqualTo(GamificationContent.challenge(ChallengeTemplate.POINTS_RACE));
        assertThat(errors(
                        InterventionKind.GAMIFICATION,
                        Map.of("action", "START_CHALLENGE", "template", "CHAT_BLITZ", "duration_minutes", 12)))
                .containsExactly(new FieldError("context.duration_minutes", "is fixed at 5 for CHAT_BLITZ: 12"));
        assertThat(errors(InterventionKind.GAMIFICATION, Map.of("action", "START_CHALLENGE", "template", "MEGA_RACE")))
                .containsExactly(new FieldError(
                        "context.template", "must be one of CHAT_BLITZ, POLL_RUSH, QA_SPRINT, POINTS_RACE: MEGA_RACE"));
    }

    @Test
    void boostAcceptsTwoToFifteenMinutesAndAnyMultiplierInRange() {
        assertThat(ManualOverrides.read(
                        InterventionKind.GAMIFICATION,
                        Map.of(
                                "action",
                                "POINTS_BOOST",
                                "multiplier",
                                2.25,
                                "duration_minutes",
                                15,
                                "name",
                                "Double up")))
                .contains(
                        GamificationContent.boost(2.25, 15, "Double up", "Earn 2.25x points for the next 15 minutes"));
        assertThat(errors(
                        InterventionKind.GAMIFICATION,
                        Map.of(
                                "action",
                                "POINTS_BOOST",
                                "multiplier",
                                5.0,
                                "duration_minutes",
                                16,
                                "template",
                                "CHAT_BLITZ")))
                .containsExactly(
                        new FieldError("context.template", "applies to START_CHALLENGE only"),
                        new FieldError("context.multiplier", "must be 1.5–3.0: 5.0"),
                        new FieldError("context.duration_minutes", "must be 2–15: 16"));
    }

    @Test
    void gamificationNeedsAKnownAction() {
        assertThat(errors(InterventionKind.GAMIFICATION, Map.of("template", "CHAT_BLITZ")))
                .containsExactly(new FieldError("context.action", "is required"));
        assertThat(errors(InterventionKind.GAMIFICATION, Map.of("action", "JACKPOT", "name", "n".repeat(41))))
                .containsExactly(
                        new FieldError("context.name", "must have 1–40 characters, has 41"),
                        new FieldError("context.action", "must be START_CHALLENGE or POINTS_BOOST: JACKPOT"));
    }

    @Test
    void invalidInputCarriesEveryFieldForTheProblemResponse() {
        InvalidInput thrown = catchThrowableOfType(
                InvalidInput.class, () -> ManualOverrides.read(InterventionKind.NOTIFICATION, Map.of("body", "")));

        assertThat(thrown.getMessage()).isEqualTo("context.title is required");
        assertThat(thrown.errors()).extracting(FieldError::field).containsExactly("context.title", "context.body");
    }

    private static List<FieldError> errors(InterventionKind kind, Map<String, ?> context) {
        InvalidInput thrown = catchThrowableOfType(InvalidInput.class, () -> ManualOverrides.read(kind, context));
        assertThat(thrown).as("expected InvalidInput").isNotNull();
        return thrown.errors();
    }
}

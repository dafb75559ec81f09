package com.engagementconductor.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command fields in the shapes of contracts §8.3, decision previews, and the request and vocabulary rules. */
class InterventionContentTests {

    @Test
    void pollCommandFieldsAreAMultipleChoicePoll() {
        PollContent poll = TemplateLibrary.poll("QP1").orElseThrow().content();

        assertThat(poll.commandFields())
                .isEqualTo(Map.of(
                        "poll",
                        Map.of(
                                "question",
                                "How is the pace right now?",
                                "options",
                                List.of("Too fast", "About right", "Too slow"),
                                "type",
                                "MULTIPLE_CHOICE",
                                "duration",
                                60)));
        assertThat(poll.preview())
                .containsEntry("question", "How is the pace right now?")
                .containsEntry("options", List.of("Too fast", "About right", "Too slow"))
                .containsEntry("title", "New Poll!");
    }

    @Test
    void broadcastCommandFieldIsTheMessage() {
        BroadcastContent broadcast = new BroadcastContent("Questions welcome!");

        assertThat(broadcast.commandFields()).isEqualTo(Map.of("message", "Questions welcome!"));
        assertThat(broadcast.preview()).isEqualTo(Map.of("title", "Announcement", "message", "Questions welcome!"));
    }

    @Test
    void notificationContentIsSentInFullWithLowerCasePriority() {
        NotificationContent notification =
                new NotificationContent("Audience is quiet", "Low (15.0).", NotificationPriority.MEDIUM, "Ask.");

        assertThat(notification.commandFields())
                .isEqualTo(Map.of(
                        "content",
                        Map.of(
                                "title", "Audience is quiet",
                                "body", "Low (15.0).",
                                "priority", "medium",
                                "suggested_action", "Ask.")));
        assertThat(notification.preview()).isEqualTo(Map.of("title", "Audience is quiet", "message", "Low (15.0)."));
    }

    @Test
    void manualNotificationWithoutActionSendsNull() {
        Map<String, Object> content = fields(new NotificationContent("t", "b", NotificationPriority.HIGH, null));

        assertThat(content).containsEntry("suggested_action", null).containsEntry("priority", "high");
    }

    @Test
    void challengeCommandFieldsCarryTemplateRewardsAndDuration() {
        GamificationContent challenge = GamificationContent.challenge(ChallengeTemplate.CHAT_BLITZ);

        assertThat(challenge.commandFields())
                .isEqualTo(Map.of(
                        "content",
                        Map.of(
                                "action", "START_CHALLENGE",
                                "template", "CHAT_BLITZ",
                                "name", "Chat Blitz",
                                "description", "Most messages in 5 minutes wins",
                                "rewards", Map.of("first", 50, "second", 30, "third", 15),
                                "duration_minutes", 5)));
        assertThat(challenge.preview())
                .isEqualTo(Map.of("title", "Chat Blitz", "message", "Most messages in 5 minutes wins"));
    }

    @Test
    void boostCommandFieldsCarryMultiplierAndNoTemplate() {
        assertThat(fields(GamificationContent.boost(2.0, 5)))
                .isEqualTo(Map.of(
                        "action", "POINTS_BOOST",
                        "name", "Points Boost",
                        "description", "Earn 2x points for the next 5 minutes",
                        "duration_minutes", 5,
                        "multiplier", 2.0));
    }

    @Test
    void gamificationShapeIsConsistentWithItsAction() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new GamificationContent(GamificationAction.START_CHALLENGE, null, "n", "d", null, 5, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GamificationContent(
                        GamificationAction.POINTS_BOOST, ChallengeTemplate.CHAT_BLITZ, "n", "d", null, 5, 2.0));
    }

    @Test
    void commandTypesFollowTheArm() {
        assertThat(InterventionKind.POLL.commandType()).isEqualTo("agent.intervention.poll");
        assertThat(InterventionKind.GAMIFICATION.commandType()).isEqualTo("agent.intervention.gamification");
    }

    @Test
    void chatPromptIsReadAsBroadcastAndUnknownValuesAreRejected() {
        assertThat(InterventionKind.parse("CHAT_PROMPT")).isEqualTo(InterventionKind.BROADCAST);
        assertThat(InterventionKind.parse("poll")).isEqualTo(InterventionKind.POLL);
        assertThatIllegalArgumentException().isThrownBy(() -> InterventionKind.parse("QUIZ"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnomalyKind.parse("SPIKE"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnomalySeverity.parse("INFO"));
        assertThat(AnomalyKind.parse("MASS_EXIT")).isEqualTo(AnomalyKind.MASS_EXIT);
    }

    @Test
    void requestScoresStayOnTheUnitScale() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Requests.notification(AnomalyKind.LOW_ENGAGEMENT, "t", 31.0, null, 0, 0, null))
                .withMessage("score must be in [0,1]: 31.0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Requests.notification(AnomalyKind.MASS_EXIT, "t", 0.3, null, 1.5, 0, null))
                .withMessage("leaveRate must be in [0,1]: 1.5");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Requests.notification(AnomalyKind.MASS_EXIT, "t", 0.3, null, 0.5, -1, null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(InterventionContent content) {
        return (Map<String, Object>) content.commandFields().get("content");
    }
}

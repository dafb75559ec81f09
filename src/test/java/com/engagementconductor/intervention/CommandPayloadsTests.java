package com.engagementconductor.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementconductor.content.BroadcastContent;
import com.engagementconductor.content.NotificationContent;
import com.engagementconductor.content.NotificationPriority;
import com.engagementconductor.content.PollContent;
import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandPayloadsTests {
    private static final Instant AT = Instant.parse("2026-01-04T12:04:00Z");

    @Test
    void aManualPollHasMediumPriorityAndNoConfidence() {
        InterventionCommand c = InterventionCommand.manual(
                        UUID.randomUUID(),
                        "sess_42",
                        "evt_7",
                        new PollContent("How is the pace so far?", List.of("Too fast", "Just right"), 120),
                        "user_9",
                        AT)
                .reasoning("Speaker asked for a pulse check")
                .anomaly("SUDDEN_DROP", "CRITICAL")
                .build();
        Map<String, Object> command = CommandPayloads.command(c);
        assertThat(command).containsEntry("decision_id", null);
        assertThat(command.get("poll"))
                .isEqualTo(Map.of(
                        "question",
                        "How is the pace so far?",
                        "options",
                        List.of("Too fast", "Just right"),
                        "type",
                        "MULTIPLE_CHOICE",
                        "duration",
                        120));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) command.get("metadata");
        assertThat(metadata)
                .containsEntry("reason", "Speaker asked for a pulse check")
                .containsEntry("confidence", null)
                .containsEntry("priority", "MEDIUM")
                .containsEntry("estimated_impact", null);
    }

    @Test
    void aCriticalNotificationEscalatesAndAManualOneIsTypedManual() {
        NotificationContent content = new NotificationContent(
                "Attendees are leaving", "12 people left", NotificationPriority.HIGH, "Check audio");
        InterventionCommand critical = InterventionCommand.forDecision(
                        UUID.randomUUID(), UUID.randomUUID(), "sess_42", "evt_7", content, AT)
                .confidence(0.6)
                .anomaly("MASS_EXIT", "CRITICAL")
                .build();
        assertThat(CommandPayloads.command(critical))
                .containsEntry("type", "agent.intervention.notification")
                .containsEntry("notification_type", "MASS_EXIT")
                .containsEntry("target", "organizer")
                .containsEntry("escalate", true)
                .doesNotContainKey("metadata");
        InterventionCommand manual = InterventionCommand.manual(UUID.randomUUID(), "sess_42", "evt_7", content, "u", AT)
                .anomaly("MASS_EXIT", "CRITICAL")
                .build();
        assertThat(CommandPayloads.command(manual))
                .containsEntry("notification_type", "MANUAL")
                .containsEntry("escalate", false);
    }

    @Test
    void contentMustFitTheType() {
        assertThatThrownBy(() -> new InterventionCommand(
                        UUID.randomUUID(),
                        null,
                        "s",
                        "e",
                        InterventionType.POLL,
                        null,
                        "r",
                        null,
                        null,
                        new BroadcastContent("Hello everyone, welcome!"),
                        "template",
                        0,
                        true,
                        null,
                        null,
                        null,
                        null,
                        AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POLL");
        assertThatThrownBy(() -> InterventionCommand.forDecision(
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                "s",
                                "e",
                                new BroadcastContent("Hello everyone, welcome!"),
                                AT)
                        .confidence(1.5)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }
}

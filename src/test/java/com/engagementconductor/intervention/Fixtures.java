package com.engagementconductor.intervention;

import com.engagementconductor.content.BroadcastContent;
import com.engagementconductor.content.ChallengeTemplate;
import com.engagementconductor.content.GamificationContent;
import com.engagementconductor.content.NotificationContent;
import com.engagementconductor.content.NotificationPriority;
import com.engagementconductor.content.PollContent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Commands of each type, shaped like the examples of contracts §8.3. */
public final class Fixtures {
    public static final String EVENT = "evt_7";
    public static final String REASON =
            "SUDDEN_DROP (CRITICAL): engagement 0.31 is 47% below the expected 0.58 (severe deviation).";

    private Fixtures() {}

    public static String session(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static InterventionCommand poll(String sessionId, Instant at) {
        return InterventionCommand.forDecision(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        sessionId,
                        EVENT,
                        new PollContent(
                                "How is the pace right now?", List.of("Too fast", "About right", "Too slow"), 60),
                        at)
                .confidence(0.58)
                .reasoning(REASON)
                .anomaly("SUDDEN_DROP", "CRITICAL")
                .generation("template", 4)
                .contextKey("SUDDEN_DROP_low_medium_severe")
                .build();
    }

    public static InterventionCommand pollWithConfidence(String sessionId, Instant at, double confidence) {
        return InterventionCommand.forDecision(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        sessionId,
                        EVENT,
                        new PollContent("Which part should we dig into next?", List.of("Basics", "Cases"), 60),
                        at)
                .confidence(confidence)
                .reasoning("GRADUAL_DECLINE (WARNING)")
                .anomaly("GRADUAL_DECLINE", "WARNING")
                .generation("haiku", 812)
                .generationDetails(Map.of("model", "claude-haiku-4-5-20251001"))
                .build();
    }

    public static InterventionCommand manualBroadcast(String sessionId, Instant at) {
        return InterventionCommand.manual(
                        UUID.randomUUID(),
                        sessionId,
                        EVENT,
                        new BroadcastContent("Share one question you still have!"),
                        "user_9",
                        at)
                .reasoning("=SUM(1,2)")
                .context(Map.of("message", "Share one question you still have!", "note", "from the stage"))
                .generationDetails(Map.of("content_source", "provided"))
                .build();
    }

    public static InterventionCommand notification(String sessionId, Instant at) {
        return InterventionCommand.forDecision(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        sessionId,
                        EVENT,
                        new NotificationContent(
                                "Attention is fading",
                                "Engagement has declined for 3 min in Keynote.",
                                NotificationPriority.MEDIUM,
                                "Change the format: a poll, a demo or a short break."),
                        at)
                .confidence(0.35)
                .reasoning("GRADUAL_DECLINE (WARNING): slow decline.")
                .anomaly("GRADUAL_DECLINE", "WARNING")
                .generation("template", 1)
                .build();
    }

    public static InterventionCommand challenge(String sessionId, Instant at) {
        return InterventionCommand.forDecision(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        sessionId,
                        EVENT,
                        GamificationContent.challenge(ChallengeTemplate.CHAT_BLITZ),
                        at)
                .confidence(0.41)
                .reasoning("MASS_EXIT (CRITICAL): people are leaving.")
                .anomaly("MASS_EXIT", "CRITICAL")
                .generation("template", 2)
                .build();
    }

    public static InterventionCommand boost(String sessionId, Instant at) {
        return InterventionCommand.manual(
                        UUID.randomUUID(), sessionId, EVENT, GamificationContent.boost(2.0, 5), "user_9", at)
                .reasoning("Keep them going")
                .build();
    }

    /** An outcome report of contracts §8.4 as the platform would send it. */
    public static String report(InterventionCommand c, boolean success, String result, String error, String at) {
        return "{\"success\":" + success + ",\"intervention_id\":\"" + c.interventionId() + "\",\"session_id\":\""
                + c.sessionId() + "\",\"event_id\":\"" + c.eventId() + "\",\"result\":" + result + ",\"error\":"
                + (error == null ? "null" : "\"" + error + "\"") + ",\"timestamp\":"
                + (at == null ? "null" : "\"" + at + "\"") + "}";
    }
}

package com.engagementconductor.intervention;

import com.engagementconductor.content.BroadcastContent;
import com.engagementconductor.content.GamificationContent;
import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.content.NotificationContent;
import com.engagementconductor.content.PollContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The record's {@code metadata} ({@code extra_data}) of contracts §4.10, in both spellings: the dashboard's
 * {@code question}, {@code options}, {@code prompt} and the prior storage keys {@code poll_question},
 * {@code poll_options}, {@code message} with the same values. {@code prompt} carries the broadcast message, the
 * notification body or the challenge description.
 */
final class RecordMetadata {
    private RecordMetadata() {}

    static Map<String, @Nullable Object> of(InterventionCommand c) {
        InterventionContent content = c.content();
        String question = content instanceof PollContent p ? p.question() : null;
        List<String> options = content instanceof PollContent p ? p.options() : null;
        String prompt = prompt(content);
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("question", question);
        m.put("options", options);
        m.put("prompt", prompt);
        m.put("message", prompt);
        m.put("poll_question", question);
        m.put("poll_options", options);
        m.put("generation_method", c.generationMethod());
        m.put("latency_ms", c.latencyMs());
        m.put("anomaly_type", c.anomalyType());
        if (content instanceof PollContent p) {
            m.put("poll_duration", p.durationSeconds());
        }
        if (content instanceof NotificationContent) {
            Map<String, @Nullable Object> notification =
                    new LinkedHashMap<>(CommandPayloads.fragment(content, "content"));
            notification.put("notification_type", CommandPayloads.notificationType(c));
            notification.put("target", "organizer");
            notification.put("escalate", c.critical());
            m.put("notification", notification);
        }
        if (content instanceof GamificationContent) {
            m.put("gamification", CommandPayloads.fragment(content, "content"));
        }
        if (c.contextKey() != null) {
            m.put("context_key", c.contextKey());
        }
        m.put("manual", c.manual());
        if (c.manual()) {
            m.put("triggered_by", c.triggeredBy());
        }
        if (c.context() != null) {
            m.put("context", c.context());
        }
        if (c.generation() != null) {
            c.generation().forEach(m::putIfAbsent);
        }
        return m;
    }

    private static @Nullable String prompt(InterventionContent content) {
        if (content instanceof BroadcastContent b) {
            return b.message();
        }
        if (content instanceof NotificationContent n) {
            return n.body();
        }
        if (content instanceof GamificationContent g) {
            return g.description();
        }
        return null;
    }
}

package com.engagementconductor.intervention;

import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The command of contracts §8.3 for one intervention: the common fields, the content's type-specific fields and the
 * metadata derived as behaviour R6.7 says.
 */
final class CommandPayloads {
    private CommandPayloads() {}

    static Map<String, @Nullable Object> command(InterventionCommand c) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("type", commandType(c.type()));
        m.put("intervention_id", c.interventionId().toString());
        m.put("session_id", c.sessionId());
        m.put("event_id", c.eventId());
        m.put("timestamp", Timestamps.format(c.timestamp()));
        m.put("decision_id", c.decisionId() == null ? null : c.decisionId().toString());
        if (c.type() == InterventionType.NOTIFICATION) {
            m.put("notification_type", notificationType(c));
            m.put("target", "organizer");
            m.put("escalate", c.critical());
        }
        m.putAll(c.content().commandFields());
        if (c.type() == InterventionType.POLL || c.type() == InterventionType.GAMIFICATION) {
            m.put("metadata", metadata(c));
        }
        return m;
    }

    /** {@code agent.intervention.poll} and so on. */
    static String commandType(InterventionType type) {
        return "agent.intervention." + type.name().toLowerCase(Locale.ROOT);
    }

    /** The anomaly type, or {@code MANUAL} for manual interventions and those without an anomaly. */
    static String notificationType(InterventionCommand c) {
        return c.manual() || c.anomalyType() == null ? "MANUAL" : c.anomalyType();
    }

    /** One object-valued field of the content's command fields (e.g. {@code content}), or an empty map. */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> fragment(InterventionContent content, String key) {
        Object value = content.commandFields().get(key);
        return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    }

    private static Map<String, @Nullable Object> metadata(InterventionCommand c) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("reason", c.reasoning());
        m.put("confidence", c.confidence());
        m.put("priority", c.critical() ? "HIGH" : "MEDIUM");
        m.put("estimated_impact", c.confidence());
        return m;
    }
}

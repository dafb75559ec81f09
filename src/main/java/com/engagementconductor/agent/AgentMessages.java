package com.engagementconductor.agent;

import com.engagementconductor.intervention.Outbox;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.SequenceNumbers;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.Topics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the agent's envelopes on {@code session:{id}:events} (contracts §8.1): statuses are published directly;
 * decisions, resolutions and rewards go through the outbox with the records they announce.
 */
@Component
class AgentMessages {
    private final EventBus bus;
    private final SequenceNumbers seqs;
    private final JsonMapper json;

    AgentMessages(EventBus bus, SequenceNumbers seqs, JsonMapper json) {
        this.bus = bus;
        this.seqs = seqs;
        this.json = json;
    }

    /** Publishes {@code agent.status} directly (best effort). */
    void status(String sessionId, AgentStatus status, AgentMode mode, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status.name());
        data.put("mode", mode.name());
        bus.publish(Topics.sessionEvents(sessionId), envelope("agent.status", sessionId, at, data));
    }

    /** The outbox message announcing a decision. */
    Outbox.Message decision(Map<String, Object> decision, String sessionId, Instant at) {
        return new Outbox.Message(
                Topics.sessionEvents(sessionId),
                envelope("agent.decision", sessionId, at, new LinkedHashMap<>(Map.of("decision", decision))));
    }

    /** The outbox message announcing a resolution. */
    Outbox.Message resolved(
            String sessionId,
            String decisionId,
            Resolution resolution,
            @Nullable String by,
            Instant at,
            @Nullable String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionId", decisionId);
        data.put("resolution", resolution.name());
        if (by != null) {
            data.put("by", by);
        }
        data.put("at", Timestamps.format(at));
        if (reason != null) {
            data.put("reason", reason);
        }
        return new Outbox.Message(
                Topics.sessionEvents(sessionId), envelope("agent.decision.resolved", sessionId, at, data));
    }

    /** The outbox message announcing a measured reward. */
    Outbox.Message reward(String sessionId, Map<String, Object> data, Instant at) {
        return new Outbox.Message(
                Topics.sessionEvents(sessionId), envelope("agent.reward.measured", sessionId, at, data));
    }

    List<Outbox.Message> list(Outbox.Message... messages) {
        return List.of(messages);
    }

    private String envelope(String type, String sessionId, Instant at, Map<String, Object> data) {
        long seq = seqs.next(sessionId);
        data.put("sessionId", sessionId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("session_id", sessionId);
        m.put("timestamp", Timestamps.format(at));
        m.put("seq", seq);
        m.put("data", data);
        return json.writeValueAsString(m);
    }
}

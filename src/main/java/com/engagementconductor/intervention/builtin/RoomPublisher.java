package com.engagementconductor.intervention.builtin;

import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.Topics;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the executor sends, directly and best effort (contracts §8): attendee-room events on
 * {@code conductor:attendee:{sessionId}}, signals of agent polls on {@code conductor:signals}, and outcome reports on
 * {@code platform.agent.intervention-outcomes.v1}.
 */
final class RoomPublisher {
    private final EventBus bus;
    private final JsonMapper json;
    private final InstantSource clock;

    RoomPublisher(EventBus bus, JsonMapper json, InstantSource clock) {
        this.bus = bus;
        this.json = json;
        this.clock = clock;
    }

    void room(String sessionId, String event, Map<String, ?> data) {
        bus.publish(InterventionTopics.attendee(sessionId), json.writeValueAsString(RoomEvents.envelope(event, data)));
    }

    void signal(String sessionId, String type, String userId, String pollId, @Nullable String optionId) {
        bus.publish(
                Topics.SIGNALS, json.writeValueAsString(RoomEvents.signal(sessionId, type, userId, pollId, optionId)));
    }

    /** The prior outcome shape (contracts §8.4) plus {@code delivered_to} and {@code executor: "conductor"}. */
    void report(UUID id, String sessionId, String eventId, Execution e) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("success", e.success());
        m.put("intervention_id", id.toString());
        m.put("session_id", sessionId);
        m.put("event_id", eventId);
        m.put("result", e.result());
        m.put("error", e.error());
        m.put("timestamp", Timestamps.format(clock.instant()));
        m.put("delivered_to", e.deliveredTo());
        m.put("executor", "conductor");
        bus.publish(InterventionTopics.OUTCOMES, json.writeValueAsString(m));
    }
}

package com.engagementconductor.intervention.builtin;

import com.engagementconductor.shared.Timestamps;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The attendee-room events of contracts §7.5 and the internal envelope on {@code conductor:attendee:{sessionId}}:
 * {@code {"event":"poll.opened","data":{…}}}; gateways emit {@code data} under the name {@code event}.
 */
final class RoomEvents {
    static final String BANNER = "agent:intervention:banner";
    static final String POLL_OPENED = "poll.opened";
    static final String POLL_CLOSED = "poll.closed";
    static final String CHALLENGE_STARTED = "challenge.started";
    /** The user id of signals the executor emits for its own polls. */
    static final String AGENT_USER = "conductor-agent";

    private RoomEvents() {}

    static Map<String, Object> envelope(String event, Map<String, ?> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("data", data);
        return m;
    }

    /** {@code agent:intervention:banner}; {@code action} and {@code template} only for gamification. */
    static Map<String, @Nullable Object> banner(
            String type,
            UUID interventionId,
            String sessionId,
            String eventId,
            String title,
            String message,
            String icon,
            Instant at) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("interventionId", interventionId.toString());
        m.put("sessionId", sessionId);
        m.put("eventId", eventId);
        m.put("title", title);
        m.put("message", message);
        m.put("icon", icon);
        m.put("timestamp", Timestamps.format(at));
        return m;
    }

    static Map<String, Object> pollOpened(AgentPoll poll) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", poll.sessionId);
        m.put("poll", poll.toPollObject());
        return m;
    }

    static Map<String, Object> pollClosed(AgentPoll poll) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", poll.sessionId);
        m.put("pollId", poll.id);
        m.put("results", poll.results());
        return m;
    }

    static Map<String, Object> challengeStarted(String sessionId, Map<String, @Nullable Object> challenge) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", sessionId);
        m.put("challenge", challenge);
        return m;
    }

    /** A batch for {@code conductor:signals} with one signal of the agent's poll (contracts §4.14 item). */
    static Map<String, Object> signal(
            String sessionId, String type, String userId, String pollId, @Nullable String optionId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("user_id", userId);
        item.put("poll_id", pollId);
        if (optionId != null) {
            item.put("option_id", optionId);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", sessionId);
        m.put("source", "socket");
        m.put("signals", List.of(item));
        return m;
    }
}

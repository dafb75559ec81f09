package com.engagementconductor.intervention.builtin;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each command type reaches the attendee room (contracts §8.3 "What our executor does"), and the running
 * challenges. The caller has checked that someone is in the room.
 */
final class AttendeeCommands {
    private static final int MESSAGE_PREVIEW = 100;

    private record Challenge(Map<String, @Nullable Object> challenge, Instant endsAt) {}

    private final AgentPolls polls;
    private final RoomPublisher room;
    private final InstantSource clock;
    private final JsonMapper json;
    private final Consumer<AgentPoll> closePoll;
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();

    AttendeeCommands(
            AgentPolls polls, RoomPublisher room, InstantSource clock, JsonMapper json, Consumer<AgentPoll> closePoll) {
        this.polls = polls;
        this.room = room;
        this.clock = clock;
        this.json = json;
        this.closePoll = closePoll;
    }

    /** {@code poll.opened}, banner and a {@code poll_opened} signal; the session's previous agent poll closes. */
    Execution poll(UUID id, String sessionId, JsonNode command, int audience) {
        JsonNode p = command.path("poll");
        List<String> options = new ArrayList<>();
        p.path("options").forEach(o -> options.add(o.asString()));
        if (options.isEmpty()) {
            return Execution.failure("invalid_command");
        }
        String question = p.path("question").asString("");
        Instant now = clock.instant();
        AgentPoll poll = new AgentPoll(
                id,
                sessionId,
                command.path("event_id").asString(""),
                question,
                options,
                Math.max(1, p.path("duration").asInt(60)),
                now);
        polls.open(poll, now).ifPresent(closePoll);
        room.room(sessionId, RoomEvents.POLL_OPENED, RoomEvents.pollOpened(poll));
        room.room(
                sessionId,
                RoomEvents.BANNER,
                RoomEvents.banner("poll", id, sessionId, poll.eventId, "New Poll!", question, "chart", now));
        room.signal(sessionId, "poll_opened", RoomEvents.AGENT_USER, poll.id, null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("poll_id", poll.id);
        result.put("question", question);
        result.put("options_count", options.size());
        return new Execution(true, result, null, audience);
    }

    Execution broadcast(UUID id, String sessionId, JsonNode command, int audience) {
        String message = command.path("message").asString("");
        room.room(
                sessionId,
                RoomEvents.BANNER,
                RoomEvents.banner(
                        "broadcast",
                        id,
                        sessionId,
                        command.path("event_id").asString(""),
                        "Announcement",
                        message,
                        "megaphone",
                        clock.instant()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "message_preview",
                message.length() <= MESSAGE_PREVIEW ? message : message.substring(0, MESSAGE_PREVIEW));
        result.put("delivered", true);
        return new Execution(true, result, null, audience);
    }

    /** Nothing for attendees: organizers get the full content in the result of {@code agent.intervention.executed}. */
    Execution notification(JsonNode command) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("notification_type", command.path("notification_type").asString("MANUAL"));
        result.put("delivered", true);
        result.put("content", json.treeToValue(command.path("content"), Object.class));
        return new Execution(true, result, null, 0);
    }

    /** {@code challenge.started} for {@code START_CHALLENGE}, and a banner for both actions. */
    Execution gamification(UUID id, String sessionId, JsonNode command, int audience) {
        JsonNode c = command.path("content");
        String action = c.path("action").asString("START_CHALLENGE");
        String template = c.path("template").isString() ? c.path("template").asString() : null;
        String name = c.path("name").asString("");
        String description = c.path("description").asString("");
        Instant now = clock.instant();
        Map<String, Object> result = new LinkedHashMap<>();
        if ("START_CHALLENGE".equals(action)) {
            int minutes = c.path("duration_minutes").asInt(5);
            Map<String, @Nullable Object> challenge = new LinkedHashMap<>();
            challenge.put("id", "agent-challenge-" + id);
            challenge.put("template", template);
            challenge.put("name", name);
            challenge.put("description", description);
            challenge.put("durationMinutes", minutes);
            challenge.put(
                    "rewards", c.path("rewards").isObject() ? json.treeToValue(c.path("rewards"), Object.class) : null);
            challenges.put(sessionId, new Challenge(challenge, now.plus(Duration.ofMinutes(minutes))));
            room.room(sessionId, RoomEvents.CHALLENGE_STARTED, RoomEvents.challengeStarted(sessionId, challenge));
            result.put("challenge_id", challenge.get("id"));
            result.put("challenge_name", name);
            result.put("challenge_type", template);
            result.put("duration_minutes", minutes);
            result.put("started", true);
        } else {
            result.put("action", action);
            result.put("triggered", true);
        }
        Map<String, @Nullable Object> banner = RoomEvents.banner(
                "gamification",
                id,
                sessionId,
                command.path("event_id").asString(""),
                name.isBlank() ? "Challenge Starting!" : name,
                description,
                "trophy",
                now);
        banner.put("action", action);
        banner.put("template", template);
        room.room(sessionId, RoomEvents.BANNER, banner);
        return new Execution(true, result, null, audience);
    }

    /** The session's running challenge as the {@code challenge} object of {@code challenge.started}. */
    Optional<Map<String, Object>> activeChallenge(String sessionId, Instant now) {
        Challenge c = challenges.get(sessionId);
        return c != null && now.isBefore(c.endsAt())
                ? Optional.of(new LinkedHashMap<>(c.challenge()))
                : Optional.empty();
    }

    void forgetEndedChallenges(Instant now) {
        challenges.values().removeIf(c -> !now.isBefore(c.endsAt()));
    }
}

package com.engagementconductor.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One action of a simulated attendee (or of the simulated organizer), in the signal vocabulary of contracts §4.14:
 * {@code type} is the wire name and {@code userId} is {@code sim-1}…{@code sim-N}.
 */
public record AudienceEvent(
        String type, String userId, Instant timestamp, @Nullable String pollId, @Nullable String optionId) {

    public static final String CHAT = "chat";
    public static final String REACTION = "reaction";
    public static final String POLL_VOTE = "poll_vote";
    public static final String POLL_OPENED = "poll_opened";
    public static final String POLL_CLOSED = "poll_closed";
    public static final String QA_QUESTION = "qa_question";
    public static final String QA_UPVOTE = "qa_upvote";
    public static final String JOIN = "join";
    public static final String LEAVE = "leave";

    /** The user id under which the simulated organizer opens and closes polls. */
    public static final String ORGANIZER = "sim-organizer";

    /** Every wire name the simulator emits. */
    public static final List<String> TYPES =
            List.of(CHAT, REACTION, POLL_VOTE, POLL_OPENED, POLL_CLOSED, QA_QUESTION, QA_UPVOTE, JOIN, LEAVE);

    public AudienceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + TYPES + ": " + type);
        }
        if (userId.isBlank() || userId.length() > 255) {
            throw new IllegalArgumentException("userId must have 1..255 non-blank characters: '" + userId + "'");
        }
        if (isPollType(type) && pollId == null) {
            throw new IllegalArgumentException("pollId is required for " + type);
        }
        if (POLL_VOTE.equals(type) && optionId == null) {
            throw new IllegalArgumentException("optionId is required for " + type);
        }
    }

    static AudienceEvent of(String type, String userId, Instant at) {
        return new AudienceEvent(type, userId, at, null, null);
    }

    static AudienceEvent poll(String type, Instant at, String pollId) {
        return new AudienceEvent(type, ORGANIZER, at, pollId, null);
    }

    private static boolean isPollType(String type) {
        return POLL_VOTE.equals(type) || POLL_OPENED.equals(type) || POLL_CLOSED.equals(type);
    }
}

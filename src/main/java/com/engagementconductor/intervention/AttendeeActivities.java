package com.engagementconductor.intervention;

import java.util.Map;
import java.util.Optional;

/**
 * The live agent polls and challenges of sessions, for attendee gateways (contracts §7.3): votes, and the open poll
 * and running challenge for the {@code session.join} ack. With the platform executor nothing runs here: every poll
 * is unknown and nothing is active.
 */
public interface AttendeeActivities {

    /**
     * Records one attendee's vote on an agent poll and, when accepted, publishes its {@code poll_vote} signal on
     * {@code conductor:signals} (gateways must not publish it again).
     */
    VoteResult vote(String sessionId, String pollId, String userId, String optionId);

    /** The session's open agent poll as the {@code poll} object of {@code poll.opened} (contracts §7.5). */
    Optional<Map<String, Object>> activePoll(String sessionId);

    /** The session's running agent challenge as the {@code challenge} object of {@code challenge.started}. */
    Optional<Map<String, Object>> activeChallenge(String sessionId);
}

package com.engagementconductor.intervention.builtin;

import com.engagementconductor.intervention.VoteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live agent polls of this node (embedded mode keeps them in memory, contracts §8.5): at most one open poll per
 * session (a new one closes the previous), one vote per user and poll. Closed polls are remembered for a while so
 * late votes get {@code poll_closed} rather than {@code unknown_poll}. Thread-safe.
 */
final class AgentPolls {
    private final Map<String, AgentPoll> byId = new HashMap<>();
    private final Map<String, AgentPoll> openBySession = new HashMap<>();

    /** Opens a poll; returns the session's previous open poll, now closed, if there was one. */
    synchronized Optional<AgentPoll> open(AgentPoll poll, Instant now) {
        AgentPoll previous = openBySession.put(poll.sessionId, poll);
        byId.put(poll.id, poll);
        if (previous != null && previous.closedAt == null) {
            previous.closedAt = now;
            return Optional.of(previous);
        }
        return Optional.empty();
    }

    synchronized VoteResult vote(String sessionId, String pollId, String userId, String optionId, Instant now) {
        AgentPoll poll = byId.get(pollId);
        if (poll == null || !poll.sessionId.equals(sessionId)) {
            return VoteResult.UNKNOWN_POLL;
        }
        if (!poll.open(now)) {
            return VoteResult.POLL_CLOSED;
        }
        int option = optionIndex(optionId, poll.options.size());
        if (option < 0) {
            return VoteResult.INVALID_OPTION;
        }
        if (!poll.voters.add(userId)) {
            return VoteResult.ALREADY_VOTED;
        }
        poll.votes[option]++;
        return VoteResult.ACCEPTED;
    }

    /** Closes every open poll whose time is up at {@code now}; returns them, each exactly once. */
    synchronized List<AgentPoll> closeDue(Instant now) {
        List<AgentPoll> closed = new ArrayList<>();
        for (Iterator<AgentPoll> it = openBySession.values().iterator(); it.hasNext(); ) {
            AgentPoll poll = it.next();
            if (poll.closedAt == null && !now.isBefore(poll.closesAt)) {
                poll.closedAt = now;
                closed.add(poll);
            }
            if (poll.closedAt != null) {
                it.remove();
            }
        }
        return closed;
    }

    synchronized Optional<AgentPoll> openPoll(String sessionId, Instant now) {
        AgentPoll poll = openBySession.get(sessionId);
        return poll != null && poll.open(now) ? Optional.of(poll) : Optional.empty();
    }

    /** Forgets polls closed before {@code cutoff}. */
    synchronized void forgetClosedBefore(Instant cutoff) {
        byId.values().removeIf(p -> p.closedAt != null && p.closedAt.isBefore(cutoff));
    }

    private static int optionIndex(String optionId, int options) {
        try {
            int n = Integer.parseInt(optionId.trim());
            return n >= 1 && n <= options ? n - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

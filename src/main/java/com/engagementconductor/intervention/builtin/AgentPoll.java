package com.engagementconductor.intervention.builtin;

import com.engagementconductor.shared.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One agent poll: options {@code "1"}…{@code "N"}, votes per option and who voted. Mutated only under the lock of
 * {@link AgentPolls}; read after close, when it no longer changes.
 */
final class AgentPoll {
    static final String ID_PREFIX = "agent-poll-";

    final String id;
    final UUID interventionId;
    final String sessionId;
    final String eventId;
    final String question;
    final List<String> options;
    final int durationSeconds;
    final Instant opensAt;
    final Instant closesAt;
    final int[] votes;
    final Set<String> voters = new HashSet<>();

    @Nullable
    Instant closedAt;

    AgentPoll(
            UUID interventionId,
            String sessionId,
            String eventId,
            String question,
            List<String> options,
            int durationSeconds,
            Instant opensAt) {
        this.id = ID_PREFIX + interventionId;
        this.interventionId = interventionId;
        this.sessionId = sessionId;
        this.eventId = eventId;
        this.question = question;
        this.options = List.copyOf(options);
        this.durationSeconds = durationSeconds;
        this.opensAt = opensAt;
        this.closesAt = opensAt.plusSeconds(durationSeconds);
        this.votes = new int[options.size()];
    }

    boolean open(Instant now) {
        return closedAt == null && now.isBefore(closesAt);
    }

    /** The {@code poll} object of {@code poll.opened} (contracts §7.5). */
    Map<String, Object> toPollObject() {
        List<Map<String, Object>> choices = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("id", String.valueOf(i + 1));
            choice.put("text", options.get(i));
            choices.add(choice);
        }
        Map<String, Object> poll = new LinkedHashMap<>();
        poll.put("id", id);
        poll.put("question", question);
        poll.put("options", choices);
        poll.put("durationSeconds", durationSeconds);
        poll.put("opensAt", Timestamps.format(opensAt));
        poll.put("closesAt", Timestamps.format(closesAt));
        return poll;
    }

    /** The {@code results} of {@code poll.closed}: {@code [{"optionId":"1","votes":4}, …]}. */
    List<Map<String, Object>> results() {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("optionId", String.valueOf(i + 1));
            r.put("votes", votes[i]);
            results.add(r);
        }
        return results;
    }

    /** What the record keeps as {@code metadata.poll_results}. */
    Map<String, Object> storedResults() {
        List<Map<String, Object>> results = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < votes.length; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("option_id", String.valueOf(i + 1));
            r.put("text", options.get(i));
            r.put("votes", votes[i]);
            results.add(r);
            total += votes[i];
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("poll_id", id);
        stored.put("opened_at", Timestamps.format(opensAt));
        stored.put("closed_at", Timestamps.format(closedAt == null ? closesAt : closedAt));
        stored.put("total_votes", total);
        stored.put("voters", voters.size());
        stored.put("results", results);
        return stored;
    }
}

package com.engagementconductor.intervention.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.intervention.VoteResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentPollsTests {
    private static final Instant T = Instant.parse("2026-01-04T12:04:00Z");

    private static AgentPoll poll(String session) {
        return new AgentPoll(UUID.randomUUID(), session, "evt_7", "Pace?", List.of("Fast", "Right", "Slow"), 60, T);
    }

    @Test
    void oneVotePerUserWhileOpen() {
        AgentPolls polls = new AgentPolls();
        AgentPoll p = poll("s1");
        polls.open(p, T);
        assertThat(p.id).startsWith("agent-poll-");
        assertThat(polls.vote("s1", p.id, "u1", "3", T)).isEqualTo(VoteResult.ACCEPTED);
        assertThat(polls.vote("s1", p.id, "u1", "1", T)).isEqualTo(VoteResult.ALREADY_VOTED);
        assertThat(polls.vote("s1", p.id, "u2", "0", T)).isEqualTo(VoteResult.INVALID_OPTION);
        assertThat(polls.vote("s1", p.id, "u2", "x", T)).isEqualTo(VoteResult.INVALID_OPTION);
        assertThat(polls.vote("s2", p.id, "u2", "1", T)).isEqualTo(VoteResult.UNKNOWN_POLL);
        assertThat(polls.vote("s1", "p1", "u2", "1", T)).isEqualTo(VoteResult.UNKNOWN_POLL);
        assertThat(polls.vote("s1", p.id, "u3", "1", T.plusSeconds(60))).isEqualTo(VoteResult.POLL_CLOSED);
        assertThat(p.results()).extracting(r -> r.get("votes")).containsExactly(0, 0, 1);
    }

    @Test
    void aPollClosesOnceWhenItsTimeIsUpAndIsForgottenLater() {
        AgentPolls polls = new AgentPolls();
        AgentPoll p = poll("s1");
        polls.open(p, T);
        assertThat(polls.closeDue(T.plusSeconds(59))).isEmpty();
        assertThat(polls.openPoll("s1", T.plusSeconds(59))).contains(p);
        assertThat(polls.closeDue(T.plusSeconds(60))).containsExactly(p);
        assertThat(polls.closeDue(T.plusSeconds(61))).isEmpty();
        assertThat(polls.openPoll("s1", T.plusSeconds(61))).isEmpty();
        assertThat(polls.vote("s1", p.id, "u1", "1", T.plusSeconds(61))).isEqualTo(VoteResult.POLL_CLOSED);
        polls.forgetClosedBefore(T.plusSeconds(600));
        assertThat(polls.vote("s1", p.id, "u1", "1", T.plusSeconds(601))).isEqualTo(VoteResult.UNKNOWN_POLL);
    }

    @Test
    void openingAPollClosesTheSessionsPreviousOne() {
        AgentPolls polls = new AgentPolls();
        AgentPoll first = poll("s1");
        AgentPoll second = poll("s1");
        polls.open(first, T);
        assertThat(polls.open(second, T.plusSeconds(10))).contains(first);
        assertThat(polls.vote("s1", first.id, "u1", "1", T.plusSeconds(11))).isEqualTo(VoteResult.POLL_CLOSED);
        assertThat(polls.openPoll("s1", T.plusSeconds(11))).contains(second);
        assertThat(polls.closeDue(T.plusSeconds(70))).containsExactly(second);
    }
}

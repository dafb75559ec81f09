package com.engagementconductor.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionWindowTests {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String S = "sess_1";

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Signal signal(SignalType type, String user, long second) {
        return Signal.of(type, S, user, at(second));
    }

    private static void joinAll(SessionWindow w, int users, long second) {
        for (int i = 0; i < users; i++) {
            w.record(signal(SignalType.JOIN, "u" + i, second));
        }
    }

    @Test
    void anEventExactlySixtySecondsBeforeTheTickIsOutsideTheWindow() {
        SessionWindow w = new SessionWindow(at(0));
        w.record(signal(SignalType.CHAT, "a", 40));
        w.record(signal(SignalType.CHAT, "b", 41));
        assertThat(w.sample(at(100)).chatMessages()).isEqualTo(1);
    }

    @Test
    void countsAreNeverCapped() {
        SessionWindow w = new SessionWindow(at(0));
        for (int i = 0; i < 500; i++) {
            w.record(signal(SignalType.CHAT, "u" + (i % 7), 51 + i / 10));
        }
        assertThat(w.sample(at(101)).chatMessages()).isEqualTo(500);
    }

    @Test
    void pollParticipationCountsDistinctVotersAgainstUsersPresentAtOpening() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 10, 1);
        w.record(Signal.poll(SignalType.POLL_OPENED, S, "organizer", at(2), "p1"));
        joinAll(w, 12, 3); // two more users join after opening: the denominator stays 10
        for (int i = 0; i < 3; i++) {
            w.record(Signal.poll(SignalType.POLL_VOTE, S, "u0", at(4 + i), "p1"));
        }
        w.record(Signal.poll(SignalType.POLL_VOTE, S, "u1", at(5), "p1"));
        SignalsSnapshot open = w.sample(at(10));
        assertThat(open.pollOpen()).isTrue();
        assertThat(open.pollParticipation()).isCloseTo(0.2, within(1e-12));

        w.record(Signal.poll(SignalType.POLL_CLOSED, S, "platform", at(11), "p1"));
        SignalsSnapshot closed = w.sample(at(15));
        assertThat(closed.pollOpen()).isFalse();
        assertThat(closed.pollParticipation()).isEqualTo(0.0);
    }

    @Test
    void aVoteForAnUnseenPollOpensItWithTheCurrentAudience() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 4, 1);
        w.record(Signal.poll(SignalType.POLL_VOTE, S, "u0", at(2), "p9"));
        assertThat(w.sample(at(5)).pollParticipation()).isCloseTo(0.25, within(1e-12));
        w.record(Signal.poll(SignalType.POLL_CLOSED, S, "x", at(6), "p9"));
        w.record(Signal.poll(SignalType.POLL_VOTE, S, "u1", at(7), "p9"));
        assertThat(w.sample(at(10)).pollOpen())
                .as("a late vote does not reopen a closed poll")
                .isFalse();
    }

    @Test
    void openingANewPollEndsThePreviousOne() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 5, 1);
        w.record(Signal.poll(SignalType.POLL_OPENED, S, "o", at(2), "p1"));
        w.record(Signal.poll(SignalType.POLL_VOTE, S, "u0", at(3), "p1"));
        w.record(Signal.poll(SignalType.POLL_OPENED, S, "o", at(4), "p2"));
        SignalsSnapshot s = w.sample(at(5));
        assertThat(w.openPollId()).isEqualTo("p2");
        assertThat(s.pollParticipation()).isEqualTo(0.0);
    }

    @Test
    void activeUsersCountPeopleWhoActedNotPeopleConnected() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 100, 1);
        for (int i = 0; i < 15; i++) {
            w.record(signal(SignalType.CHAT, "u" + i, 10 + i));
            w.record(signal(SignalType.CHAT, "u" + i, 30 + i)); // repeated chat: still one user
        }
        for (int i = 13; i < 18; i++) { // 5 reacted, u13 and u14 also chatted
            w.record(signal(SignalType.REACTION, "u" + i, 20));
        }
        w.record(Signal.poll(SignalType.POLL_OPENED, S, "o", at(20), "p1"));
        for (int i = 50; i < 54; i++) { // 4 only voted
            w.record(Signal.poll(SignalType.POLL_VOTE, S, "u" + i, at(21), "p1"));
        }
        SignalsSnapshot s = w.sample(at(60));
        assertThat(s.activeUsers()).isEqualTo(22);
        assertThat(s.spontaneousActiveUsers()).isEqualTo(18);
        assertThat(s.connectedUsers()).isEqualTo(100);
    }

    @Test
    void usersWhoLeftAreNotActiveAndActivityOutsideTheWindowExpires() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 3, 1);
        w.record(signal(SignalType.CHAT, "u0", 5));
        w.record(signal(SignalType.CHAT, "u1", 5));
        w.record(signal(SignalType.LEAVE, "u1", 6));
        assertThat(w.sample(at(10)).activeUsers()).isEqualTo(1);
        assertThat(w.sample(at(65)).activeUsers()).isZero();
        w.record(signal(SignalType.JOIN, "u1", 66));
        w.record(signal(SignalType.CHAT, "u1", 67));
        assertThat(w.sample(at(70)).activeUsers()).isEqualTo(1);
    }

    @Test
    void leaveRateUsesTheAudienceAtTheStartOfTheWindowAndIsCapped() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 40, 0); // joined before the window of the tick at 100
        for (int i = 0; i < 4; i++) {
            w.record(signal(SignalType.LEAVE, "u" + i, 60 + i));
        }
        w.record(signal(SignalType.JOIN, "n1", 70));
        w.record(signal(SignalType.JOIN, "n2", 71));
        SignalsSnapshot s = w.sample(at(100));
        assertThat(s.connectedUsers()).isEqualTo(38);
        assertThat(s.usersAtWindowStart()).isEqualTo(40);
        assertThat(s.userLeaveRate()).isCloseTo(0.1, within(1e-12));

        SessionWindow small = new SessionWindow(at(0));
        joinAll(small, 3, 0);
        for (int i = 0; i < 6; i++) { // three rejoin and leave again: six effective leaves, N0 = 3
            small.record(signal(SignalType.LEAVE, "u" + (i % 3), 70 + 2 * i));
            if (i < 3) {
                small.record(signal(SignalType.JOIN, "u" + i, 71 + 2 * i));
            }
        }
        SignalsSnapshot capped = small.sample(at(100));
        assertThat(capped.effectiveLeaves()).isEqualTo(6);
        assertThat(capped.usersAtWindowStart()).isEqualTo(3);
        assertThat(capped.userLeaveRate()).isEqualTo(1.0);
    }

    @Test
    void presenceIsCountedPerUserNotPerSocket() {
        SessionWindow w = new SessionWindow(at(0));
        w.record(signal(SignalType.JOIN, "a", 70));
        w.record(signal(SignalType.JOIN, "a", 71));
        w.record(signal(SignalType.LEAVE, "a", 72));
        SignalsSnapshot s = w.sample(at(80));
        assertThat(s.connectedUsers()).isEqualTo(1);
        assertThat(s.effectiveJoins()).isEqualTo(1);
        assertThat(s.effectiveLeaves()).isZero();
        w.record(signal(SignalType.LEAVE, "a", 81));
        w.record(signal(SignalType.LEAVE, "a", 82)); // not connected: ignored
        SignalsSnapshot after = w.sample(at(90));
        assertThat(after.connectedUsers()).isZero();
        assertThat(after.effectiveLeaves()).isEqualTo(1);
    }

    @Test
    void usersSilentForThirtyMinutesAreDroppedWithoutALeave() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 3, 0);
        w.record(signal(SignalType.CHAT, "u0", 1000));
        SignalsSnapshot s = w.sample(at(1801));
        assertThat(s.connectedUsers()).isEqualTo(1);
        assertThat(s.effectiveLeaves()).isZero();
        assertThat(w.knownUsers()).isEqualTo(1);
    }

    @Test
    void ticksInTheFirstMinuteOfObservationArePartial() {
        SessionWindow w = new SessionWindow(at(0));
        assertThat(w.sample(at(55)).partialWindow()).isTrue();
        assertThat(w.sample(at(60)).partialWindow()).isFalse();
    }

    @Test
    void aSessionIsIdleAfterThirtyMinutesWithoutEventsOrUsers() {
        SessionWindow w = new SessionWindow(at(0));
        w.record(signal(SignalType.CHAT, "a", 10));
        assertThat(w.idle(at(1809))).isFalse();
        assertThat(w.idle(at(1810))).isTrue();
        SessionWindow present = new SessionWindow(at(0));
        present.record(signal(SignalType.JOIN, "a", 10));
        present.sample(at(1000));
        assertThat(present.idle(at(1810))).as("a connected user keeps it live").isFalse();
    }

    @Test
    void manyUsersJoiningAndLeavingKeepExactCounts() {
        SessionWindow w = new SessionWindow(at(0));
        joinAll(w, 5000, 1);
        for (int i = 0; i < 5000; i += 2) {
            w.record(signal(SignalType.LEAVE, "u" + i, 2));
        }
        for (int i = 1; i < 5000; i += 4) {
            w.record(signal(SignalType.CHAT, "u" + i, 3));
        }
        SignalsSnapshot s = w.sample(at(10));
        assertThat(s.connectedUsers()).isEqualTo(2500);
        assertThat(s.activeUsers()).isEqualTo(1250);
        assertThat(s.chatMessages()).isEqualTo(1250);
    }
}

package com.engagementconductor.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The activity of one live session: per-second counts over the last 256 s, per-user presence with reference
 * counts and last-action times, and the open poll (behaviour R1.4–R1.9). {@link #sample} evaluates the
 * 60-second window at a tick. Distinct active users are counted in O(1) per event: each connected user is
 * counted in the second of their latest action, so a window's active users are a sum over its seconds.
 *
 * <p>Not thread-safe: a window is confined to its session's lane. It is longer than most classes because the
 * counters, presence and polls must change together on every event to keep the window's counts exact.
 */
public final class SessionWindow {
    static final int RING = 256;
    private static final int MASK = RING - 1;
    private static final int WINDOW_SECONDS = 60;
    private static final int PRESENCE_TIMEOUT_SECONDS = 30 * 60;
    private static final int CLOSED_POLLS_REMEMBERED = 8;

    private static final int CHAT = 0;
    private static final int QUESTIONS = 1;
    private static final int UPVOTES = 2;
    private static final int REACTIONS = 3;
    private static final int JOINS = 4;
    private static final int LEAVES = 5;
    private static final int LAST_ANY = 6;
    private static final int LAST_SPONTANEOUS = 7;
    private static final int COUNTERS = 8;

    private final long baseSecond;
    private final int[] counts = new int[RING * COUNTERS];
    private final UserTable users = new UserTable();
    private final String[] closedPolls = new String[CLOSED_POLLS_REMEMBERED];
    private int closedPollCursor;
    private int head = Integer.MIN_VALUE;
    private int connected;
    private @Nullable String openPoll;
    private int pollOpenAudience;
    private int pollEpoch;
    private int pollVoters;
    private int observationStart;
    private int lastEvent;
    private int lastExpiryScan;

    /** Starts observing at the given instant (the session's registration or first event, R1.9). */
    public SessionWindow(Instant observationStart) {
        this.baseSecond = observationStart.getEpochSecond() - 1;
        this.observationStart = second(observationStart);
        this.lastEvent = this.observationStart;
        this.lastExpiryScan = this.observationStart;
    }

    /** Applies one signal of this session. */
    public void record(Signal signal) {
        int sec = second(signal.timestamp());
        advance(sec);
        lastEvent = Math.max(lastEvent, sec);
        switch (signal.type()) {
            case JOIN -> join(signal.userId(), sec);
            case LEAVE -> leave(signal.userId(), sec);
            case CHAT -> spontaneous(signal.userId(), sec, CHAT);
            case QA_QUESTION -> spontaneous(signal.userId(), sec, QUESTIONS);
            case QA_UPVOTE -> spontaneous(signal.userId(), sec, UPVOTES);
            case REACTION -> spontaneous(signal.userId(), sec, REACTIONS);
            case POLL_OPENED -> openPoll(signalPoll(signal));
            case POLL_CLOSED -> closePoll(signalPoll(signal));
            case POLL_VOTE -> vote(signal.userId(), sec, signalPoll(signal));
        }
    }

    /** Opens a poll published by the agent itself (R1.8). */
    public void pollOpenedByAgent(String pollId, Instant at) {
        advance(second(at));
        openPoll(pollId);
    }

    /** The signal values at tick time {@code t} over the window (t − 60 s, t] (R1.6, R1.7). */
    public SignalsSnapshot sample(Instant t) {
        int now = floorSecond(t);
        advance(now);
        if (now - lastExpiryScan >= WINDOW_SECONDS) {
            expireIdleUsers(now);
            lastExpiryScan = now;
        }
        int from = Math.max(now - WINDOW_SECONDS + 1, head - RING + 1);
        int to = Math.min(now, head);
        int chat = 0, questions = 0, upvotes = 0, reactions = 0, joins = 0, leaves = 0, active = 0, spontaneous = 0;
        for (int s = from; s <= to; s++) {
            int b = (s & MASK) * COUNTERS;
            chat += counts[b + CHAT];
            questions += counts[b + QUESTIONS];
            upvotes += counts[b + UPVOTES];
            reactions += counts[b + REACTIONS];
            joins += counts[b + JOINS];
            leaves += counts[b + LEAVES];
            active += counts[b + LAST_ANY];
            spontaneous += counts[b + LAST_SPONTANEOUS];
        }
        int atStart = Math.max(0, connected - joins + leaves);
        double leaveRate = Math.min(1.0, leaves / (double) Math.max(1, atStart));
        double participation =
                openPoll == null ? 0.0 : Math.min(1.0, pollVoters / (double) Math.max(1, pollOpenAudience));
        boolean partial = now - observationStart < WINDOW_SECONDS;
        return new SignalsSnapshot(
                t,
                connected,
                atStart,
                chat,
                questions,
                upvotes,
                reactions,
                active,
                spontaneous,
                openPoll != null,
                participation,
                joins,
                leaves,
                leaveRate,
                partial);
    }

    /** Restarts the partial-window period, for example after a takeover (R1.11). */
    public void restartObservation(Instant at) {
        observationStart = second(at);
    }

    /** Whether 30 minutes passed with no event and no connected user (R1.10). */
    public boolean idle(Instant t) {
        return connected == 0 && floorSecond(t) - lastEvent >= PRESENCE_TIMEOUT_SECONDS;
    }

    public int connectedUsers() {
        return connected;
    }

    /** The id of the open poll, if any. */
    public @Nullable String openPollId() {
        return openPoll;
    }

    /** Users known to the window (connected or recently active). */
    public int knownUsers() {
        return users.size();
    }

    private void join(String user, int sec) {
        int slot = users.findOrInsert(user);
        users.lastSeen(slot, Math.max(users.lastSeen(slot), sec));
        int refs = users.refCount(slot);
        users.refCount(slot, refs + 1);
        if (refs == 0) {
            connected++;
            bump(sec, JOINS, 1);
            bump(users.lastAny(slot), LAST_ANY, 1);
            bump(users.lastSpontaneous(slot), LAST_SPONTANEOUS, 1);
        }
    }

    private void leave(String user, int sec) {
        int slot = users.find(user);
        if (slot < 0 || users.refCount(slot) == 0) {
            return;
        }
        users.lastSeen(slot, Math.max(users.lastSeen(slot), sec));
        int refs = users.refCount(slot) - 1;
        users.refCount(slot, refs);
        if (refs == 0) {
            disconnect(slot);
            bump(sec, LEAVES, 1);
        }
    }

    private void spontaneous(String user, int sec, int counter) {
        bump(sec, counter, 1);
        int slot = users.findOrInsert(user);
        users.lastSeen(slot, Math.max(users.lastSeen(slot), sec));
        int oldSpont = users.lastSpontaneous(slot);
        if (sec <= oldSpont) {
            return;
        }
        int oldAny = users.lastAny(slot);
        users.lastSpontaneous(slot, sec);
        if (users.refCount(slot) > 0) {
            moveLastAction(oldSpont, sec, LAST_SPONTANEOUS);
            moveLastAction(oldAny, users.lastAny(slot), LAST_ANY);
        }
    }

    private void vote(String user, int sec, String pollId) {
        if (!pollId.equals(openPoll) && !recentlyClosed(pollId)) {
            openPoll(pollId);
        }
        int slot = users.findOrInsert(user);
        users.lastSeen(slot, Math.max(users.lastSeen(slot), sec));
        if (pollId.equals(openPoll) && users.votedPoll(slot) != pollEpoch) {
            users.votedPoll(slot, pollEpoch);
            pollVoters++;
        }
        int oldAny = users.lastAny(slot);
        if (sec > users.lastVote(slot)) {
            users.lastVote(slot, sec);
            if (users.refCount(slot) > 0) {
                moveLastAction(oldAny, users.lastAny(slot), LAST_ANY);
            }
        }
    }

    private void openPoll(String pollId) {
        if (pollId.equals(openPoll) || recentlyClosed(pollId)) {
            return;
        }
        if (openPoll != null) {
            rememberClosed(openPoll);
        }
        openPoll = pollId;
        pollOpenAudience = connected;
        pollEpoch++;
        pollVoters = 0;
    }

    private void closePoll(String pollId) {
        if (pollId.equals(openPoll)) {
            openPoll = null;
            pollVoters = 0;
        }
        if (!recentlyClosed(pollId)) {
            rememberClosed(pollId);
        }
    }

    private boolean recentlyClosed(String pollId) {
        for (String p : closedPolls) {
            if (pollId.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private void rememberClosed(String pollId) {
        closedPolls[closedPollCursor] = pollId;
        closedPollCursor = (closedPollCursor + 1) % CLOSED_POLLS_REMEMBERED;
    }

    private void disconnect(int slot) {
        connected--;
        bump(users.lastAny(slot), LAST_ANY, -1);
        bump(users.lastSpontaneous(slot), LAST_SPONTANEOUS, -1);
    }

    private void expireIdleUsers(int now) {
        for (int slot = 0; slot < users.capacity(); slot++) {
            if (users.key(slot) == null || now - users.lastSeen(slot) < PRESENCE_TIMEOUT_SECONDS) {
                continue;
            }
            if (users.refCount(slot) > 0) {
                disconnect(slot);
            }
            users.remove(slot);
            slot--; // backward shift may have moved another user into this slot
        }
        users.shrinkIfSparse();
    }

    private void moveLastAction(int from, int to, int counter) {
        bump(from, counter, -1);
        bump(to, counter, 1);
    }

    /** Adds to a per-second counter when that second is still held in the ring. */
    private void bump(int sec, int counter, int delta) {
        if (sec != UserTable.NEVER && sec > head - RING && sec <= head) {
            counts[(sec & MASK) * COUNTERS + counter] += delta;
        }
    }

    private void advance(int sec) {
        if (sec <= head) {
            return;
        }
        if (head == Integer.MIN_VALUE || sec - head >= RING) {
            Arrays.fill(counts, 0);
        } else {
            for (int s = head + 1; s <= sec; s++) {
                Arrays.fill(counts, (s & MASK) * COUNTERS, (s & MASK) * COUNTERS + COUNTERS, 0);
            }
        }
        head = sec;
    }

    private static String signalPoll(Signal signal) {
        String poll = signal.pollId();
        if (poll == null) {
            throw new IllegalArgumentException(
                    "pollId is required for " + signal.type().wireName());
        }
        return poll;
    }

    /** Event seconds round up, so an event is counted up to 1 s late and never early (R1.6). */
    private int second(Instant at) {
        long ceil = -Math.floorDiv(-at.toEpochMilli(), 1000L);
        return (int) (ceil - baseSecond);
    }

    private int floorSecond(Instant at) {
        return (int) (Math.floorDiv(at.toEpochMilli(), 1000L) - baseSecond);
    }

    static Duration presenceTimeout() {
        return Duration.ofSeconds(PRESENCE_TIMEOUT_SECONDS);
    }
}

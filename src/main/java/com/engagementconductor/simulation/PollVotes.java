package com.engagementconductor.simulation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The open poll and its scheduled votes (R8.2): each attendee connected at opening gets a vote time drawn
 * uniformly from the model's delays; at that time, if still connected, they vote with probability
 * min(voteCap, voteSlope·L) for an option drawn uniformly.
 */
final class PollVotes {
    private static final long NONE = -1;

    private final AudienceModel model;
    private final RandomGenerator rng;
    private final long[] voteAt;
    private @Nullable String pollId;
    private List<String> options = List.of();
    private long openSecond;

    PollVotes(int attendees, AudienceModel model, RandomGenerator rng) {
        this.model = model;
        this.rng = rng;
        this.voteAt = new long[attendees];
        Arrays.fill(voteAt, NONE);
    }

    @Nullable
    String openPollId() {
        return pollId;
    }

    void open(String id, List<String> optionIds, long second) {
        pollId = id;
        options = List.copyOf(optionIds);
        openSecond = second;
        Arrays.fill(voteAt, NONE);
    }

    void close() {
        pollId = null;
        Arrays.fill(voteAt, NONE);
    }

    /** Draws a vote time for each connected attendee, in attendee order. */
    void schedule(Attendees attendees) {
        int span = model.voteDelayMax() - model.voteDelayMin() + 1;
        for (int i = 0; i < attendees.size(); i++) {
            if (attendees.isConnected(i)) {
                voteAt[i] = openSecond + model.voteDelayMin() + rng.nextInt(span);
            }
        }
    }

    /** Adds the votes cast in this second. */
    void collect(long second, double level, Attendees attendees, Instant at, List<AudienceEvent> out) {
        String id = pollId;
        if (id == null || second < openSecond + model.voteDelayMin() || second > openSecond + model.voteDelayMax()) {
            return;
        }
        double p = Math.min(model.voteCap(), model.voteSlope() * level);
        for (int i = 0; i < voteAt.length; i++) {
            if (voteAt[i] != second || !attendees.isConnected(i)) {
                continue;
            }
            voteAt[i] = NONE;
            if (rng.nextDouble() < p) {
                String option = options.get(rng.nextInt(options.size()));
                out.add(new AudienceEvent(AudienceEvent.POLL_VOTE, attendees.id(i), at, id, option));
            }
        }
    }
}

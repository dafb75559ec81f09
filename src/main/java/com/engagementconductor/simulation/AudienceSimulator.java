package com.engagementconductor.simulation;

import com.engagementconductor.shared.InterventionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The audience model of behaviour R8.2 on its own virtual clock, one simulated second per {@link #step()}. Same
 * seed, same events. Not thread-safe.
 *
 * <p>Each attendee action is a Bernoulli trial per second with probability L·w_i·rate ÷ 60. Rather than one draw
 * per attendee, action and second, each attendee keeps one timer per action: candidate seconds come from a
 * geometric inter-arrival at the level cap L = 1.2 and are thinned with probability L(t) ÷ 1.2, which is exact in
 * distribution whatever path L(t) takes. Leave times are geometric in the hazard h and redrawn when h changes.
 *
 * <p>Executed interventions reach the room through {@link #respond}, which applies the hidden ground truth of R8.4
 * ({@link GroundTruth}); agent polls also reach the attendees through {@link #pollOpened}. The class is longer than
 * most because the timers of every attendee, the polls and the responses share one seeded generator order.
 */
public final class AudienceSimulator {
    private static final int LEAVE = 4;
    private static final String[] ACTION_TYPES = {
        AudienceEvent.CHAT, AudienceEvent.QA_QUESTION, AudienceEvent.REACTION, AudienceEvent.QA_UPVOTE
    };
    private static final int ACTIONS = ACTION_TYPES.length;
    private static final long NEVER = Long.MAX_VALUE;
    private static final long HORIZON = 1L << 38;

    private final Scenario scenario;
    private final Instant start;
    private final long lastSecond;
    private final LevelTimeline timeline;
    private final Attendees attendees;
    private final PollVotes votes;
    private final TimerQueue timers = new TimerQueue();
    private final double[] perSecond = new double[ACTIONS];
    private final double[] candidate;
    private final long[] leaveAt;
    private final RandomGenerator actionRng;
    private final RandomGenerator leaveRng;
    private final RandomGenerator exitRng;
    private final RandomGenerator responseRng;
    private final List<AudienceEvent> pending = new ArrayList<>();
    private long second = -1;
    private double hazard = Double.NaN;
    private long emitted;

    /** A simulation with the default model of R8.2. */
    public AudienceSimulator(Scenario scenario, int attendees, long seed, Instant start) {
        this(scenario, attendees, seed, start, AudienceModel.defaults());
    }

    public AudienceSimulator(Scenario scenario, int attendees, long seed, Instant start, AudienceModel model) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.start = Objects.requireNonNull(start, "start");
        Objects.requireNonNull(model, "model");
        if (attendees < 1 || attendees >= TimerQueue.MAX_ATTENDEES) {
            throw new IllegalArgumentException(
                    "attendees must be in [1, " + (TimerQueue.MAX_ATTENDEES - 1) + "]: " + attendees);
        }
        SplittableRandom root = new SplittableRandom(seed);
        this.attendees = new Attendees(attendees, model, root.split());
        this.actionRng = root.split();
        this.leaveRng = root.split();
        this.exitRng = root.split();
        this.votes = new PollVotes(attendees, model, root.split());
        // Split last, so the streams above (and every seeded event sequence without responses) stay as they were.
        this.responseRng = root.split();
        this.lastSecond = scenario.maxDuration().getSeconds();
        this.timeline = new LevelTimeline(scenario.phases());
        double[] rates = model.ratesPerMinute();
        this.candidate = new double[attendees * ACTIONS];
        for (int a = 0; a < ACTIONS; a++) {
            perSecond[a] = rates[a] / 60.0;
            for (int i = 0; i < attendees; i++) {
                candidate[i * ACTIONS + a] =
                        Math.min(1.0, Phase.MAX_LEVEL * this.attendees.propensity(i) * perSecond[a]);
            }
        }
        this.leaveAt = new long[attendees];
    }

    /**
     * Simulates one second and returns its events in order. The first step is the start instant, where every
     * attendee joins; each later step advances the clock by one second. Poll events requested between steps
     * ({@link #pollOpened}, {@link #pollClosed}) come first, stamped with the time they were requested.
     *
     * @throws IllegalStateException once the scenario has {@linkplain #finished() finished}
     */
    public List<AudienceEvent> step() {
        if (finished()) {
            throw new IllegalStateException("scenario " + scenario.name() + " finished at " + scenario.maxDuration());
        }
        second++;
        Instant at = now();
        List<AudienceEvent> out = new ArrayList<>(pending.size() + 16);
        if (second == 0) {
            joinAll(at, out);
            out.addAll(pending);
            if (votes.openPollId() != null) {
                votes.schedule(attendees);
            }
        } else {
            out.addAll(pending);
            simulateSecond(at, out);
        }
        pending.clear();
        emitted += out.size();
        return out;
    }

    /** The simulated time reached: the start instant until the second step. */
    public Instant now() {
        return start.plusSeconds(Math.max(second, 0));
    }

    /** The simulated time since the start. */
    public Duration elapsed() {
        return Duration.ofSeconds(Math.max(second, 0));
    }

    /** The current latent level L(t). */
    public double level() {
        return timeline.level(Math.max(second, 0));
    }

    /** The phase in force now: the hidden true cause of an anomaly (R8.4). */
    public Phase currentPhase() {
        return timeline.phaseAt(Math.max(second, 0));
    }

    /** Whether the scenario's maximum duration has been simulated. */
    public boolean finished() {
        return second >= lastSecond;
    }

    public long eventsEmitted() {
        return emitted;
    }

    public int connected() {
        return attendees.connected();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Opens a poll now with options "1"…"options": closes the previous one and schedules votes (R8.2). */
    public void pollOpened(String pollId, int options) {
        if (options < 1) {
            throw new IllegalArgumentException("options must be at least 1: " + options);
        }
        pollOpened(
                pollId,
                IntStream.rangeClosed(1, options).mapToObj(String::valueOf).toList());
    }

    /** Opens a poll now with these option ids; reopening the open poll does nothing. */
    public void pollOpened(String pollId, List<String> optionIds) {
        Objects.requireNonNull(pollId, "pollId");
        if (optionIds.isEmpty()) {
            throw new IllegalArgumentException("optionIds must not be empty for poll " + pollId);
        }
        String previous = votes.openPollId();
        if (pollId.equals(previous)) {
            return;
        }
        if (previous != null) {
            pending.add(AudienceEvent.poll(AudienceEvent.POLL_CLOSED, now(), previous));
        }
        pending.add(AudienceEvent.poll(AudienceEvent.POLL_OPENED, now(), pollId));
        votes.open(pollId, optionIds, Math.max(second, 0));
        if (second >= 0) {
            votes.schedule(attendees);
        }
    }

    /** Closes the open poll if it has this id; votes not yet cast are dropped. */
    public void pollClosed(String pollId) {
        if (pollId.equals(votes.openPollId())) {
            pending.add(AudienceEvent.poll(AudienceEvent.POLL_CLOSED, now(), pollId));
            votes.close();
        }
    }

    /**
     * An intervention of this type executes now (R8.4); the arm is read like any input ({@code CHAT_PROMPT} is
     * {@code BROADCAST}).
     *
     * @throws IllegalArgumentException for an unknown arm
     * @see #respond(InterventionType, Instant)
     */
    public AudienceResponse respond(String arm, Instant at) {
        return respond(InterventionType.parse(arm), at);
    }

    /**
     * An intervention executes at {@code at} (R8.4). If an anomaly phase of true cause X is in force then, the
     * audience responds with the probability p of X and the arm ({@link GroundTruth}); a response raises L linearly
     * over 20 s by Δ ÷ κ after a uniform delay of 5–15 s (drawn in whole milliseconds), then the boost decays with a
     * half-life of 600 s, L staying capped at {@value Phase#MAX_LEVEL}. A responding {@code NOTIFICATION} during
     * {@code MASS_EXIT} also halves the leave hazard for 300 s from the start of the rise. The draws come from the
     * simulator's seeded generator; outside an anomaly phase nothing is drawn and nothing happens.
     *
     * <p>An instant before the time reached counts as the time reached. A poll still has to be opened with
     * {@link #pollOpened} for the attendees to vote.
     */
    public AudienceResponse respond(InterventionType arm, Instant at) {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(at, "at");
        Instant executed = at.isBefore(now()) ? now() : at;
        long executedMillis = Duration.between(start, executed).toMillis();
        Optional<GroundTruth> cause =
                GroundTruth.of(timeline.phaseAt(executedMillis / 1000).type());
        if (cause.isEmpty()) {
            return AudienceResponse.none(arm, executed, null);
        }
        GroundTruth truth = cause.get();
        GroundTruth.Effect effect = truth.effect(arm);
        if (!(responseRng.nextDouble() < effect.probability())) {
            return AudienceResponse.none(arm, executed, truth);
        }
        long minDelay = Math.round(GroundTruth.MIN_DELAY_SECONDS * 1000);
        long maxDelay = Math.round(GroundTruth.MAX_DELAY_SECONDS * 1000);
        long delayMillis = minDelay + responseRng.nextLong(maxDelay - minDelay + 1);
        long riseMillis = executedMillis + delayMillis;
        double boost = effect.levelBoost();
        timeline.addBoost(riseMillis / 1000.0, boost);
        Instant reliefUntil = null;
        if (truth.relievesLeaving(arm)) {
            long from = Math.floorDiv(riseMillis + 999, 1000);
            timeline.addLeaveRelief(from, from + GroundTruth.LEAVE_RELIEF_SECONDS, GroundTruth.LEAVE_RELIEF_FACTOR);
            reliefUntil = start.plusSeconds(from + GroundTruth.LEAVE_RELIEF_SECONDS);
        }
        return new AudienceResponse(arm, executed, truth, true, start.plusMillis(riseMillis), boost, reliefUntil);
    }

    /** Adds a phase that starts after the time reached, such as a scripted response (R8.5). */
    public void schedulePhase(Phase phase) {
        if (phase.startSecond() <= second) {
            throw new IllegalArgumentException(
                    "phase must start after the simulated time reached (" + elapsed() + "): " + phase.start());
        }
        timeline.add(phase);
    }

    private void joinAll(Instant at, List<AudienceEvent> out) {
        for (int i = 0; i < attendees.size(); i++) {
            attendees.connect(i);
            out.add(AudienceEvent.of(AudienceEvent.JOIN, attendees.id(i), at));
            for (int a = 0; a < ACTIONS; a++) {
                scheduleAction(i, a, 0);
            }
        }
        hazard = timeline.hazard(0);
        redrawLeaves(1);
    }

    private void simulateSecond(Instant at, List<AudienceEvent> out) {
        double level = timeline.level(second);
        double h = timeline.hazard(second);
        if (h != hazard) {
            hazard = h;
            redrawLeaves(second);
        }
        while (timers.hasDue(second)) {
            long key = timers.poll();
            int who = TimerQueue.attendee(key);
            int action = TimerQueue.action(key);
            if (!attendees.isConnected(who)) {
                continue;
            }
            if (action == LEAVE) {
                if (leaveAt[who] == second) {
                    leave(who, at, out);
                }
                continue;
            }
            double p = Math.min(1.0, level * attendees.propensity(who) * perSecond[action]);
            if (actionRng.nextDouble() * candidate[who * ACTIONS + action] < p) {
                out.add(AudienceEvent.of(ACTION_TYPES[action], attendees.id(who), at));
            }
            scheduleAction(who, action, second);
        }
        votes.collect(second, level, attendees, at, out);
        double exit = timeline.exitFraction(second);
        if (exit > 0) {
            for (int who : attendees.pick((int) Math.round(exit * attendees.connected()), exitRng)) {
                leave(who, at, out);
            }
        }
    }

    private void leave(int who, Instant at, List<AudienceEvent> out) {
        attendees.disconnect(who);
        leaveAt[who] = NEVER;
        out.add(AudienceEvent.of(AudienceEvent.LEAVE, attendees.id(who), at));
    }

    private void scheduleAction(int who, int action, long after) {
        long gap = geometric(actionRng, candidate[who * ACTIONS + action]);
        if (gap < HORIZON) {
            timers.add(after + gap, who, action);
        }
    }

    /** Draws each connected attendee's leave second, the first candidate being {@code first}. */
    private void redrawLeaves(long first) {
        for (int i = 0; i < attendees.size(); i++) {
            if (!attendees.isConnected(i)) {
                continue;
            }
            long gap = geometric(leaveRng, hazard);
            leaveAt[i] = gap < HORIZON ? first - 1 + gap : NEVER;
            if (leaveAt[i] != NEVER) {
                timers.add(leaveAt[i], i, LEAVE);
            }
        }
    }

    /** The number of Bernoulli(p) trials up to and including the first success, or {@link #NEVER} for p = 0. */
    static long geometric(RandomGenerator rng, double p) {
        if (p >= 1.0) {
            return 1;
        }
        if (p <= 0.0) {
            return NEVER;
        }
        double u = 1.0 - rng.nextDouble();
        double failures = Math.floor(Math.log(u) / Math.log1p(-p));
        return failures >= HORIZON ? NEVER : 1 + (long) failures;
    }
}

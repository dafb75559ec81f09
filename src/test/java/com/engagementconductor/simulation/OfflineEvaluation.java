package com.engagementconductor.simulation;

import com.engagementconductor.agent.InterventionLimits;
import com.engagementconductor.agent.Reward;
import com.engagementconductor.anomaly.AnomalyDetector;
import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.anomaly.AnomalyType;
import com.engagementconductor.anomaly.DetectionResult;
import com.engagementconductor.anomaly.DetectorSettings;
import com.engagementconductor.anomaly.FedTick;
import com.engagementconductor.anomaly.HalfSpaceTrees;
import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.BanditSettings;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.DecisionRequest;
import com.engagementconductor.decision.InMemoryBanditStatistics;
import com.engagementconductor.decision.InterventionPolicy;
import com.engagementconductor.decision.PolicyChoice;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.scoring.Score;
import com.engagementconductor.shared.InterventionType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The offline evaluation of behaviour R8.6: K episodes per policy, each a fresh 200-person session in {@code AUTO}
 * mode (every decision executes at once) through the real window, scorer and detector on the virtual clock (5-s
 * tick, Half-Space Trees on with the deployment seed 1), with the hidden ground truth of R8.4 deciding how the
 * room answers.
 *
 * <p>An episode is 300 s of baseline, an anomaly phase whose true cause cycles SUDDEN_DROP (to 0.35),
 * GRADUAL_DECLINE, LOW_ENGAGEMENT, MASS_EXIT, and 700 s of observation. The policy acts once, on the first anomaly
 * raised at or after the onset, with the context key of that anomaly (R4.2). The intervention reaches the room at
 * the decision tick ({@link AudienceSimulator#respond}; a POLL also opens a 60-s poll). The reward is {@code v2} of
 * R7.2 on the detection scores of R7.1: pre over (t_d − 30 s, t_d] from the first anomalous tick of the raising run,
 * post over [t_x + 45 s, t_x + 75 s] ([t_x + 90 s, t_x + 150 s] for NOTIFICATION). No intervention is measured
 * like a holdout (t_x = t_d). The bandit learns across episodes (one global/organization/event chain, in-memory
 * statistics, default settings, no holdout baseline so no confidence floor, R4.6); the other policies do not learn.
 *
 * <p>Pseudo-regret is the oracle value of the true cause minus the value p·Δ of the arm chosen (0 without an arm),
 * counted over the episodes in which an anomaly was raised after the onset (a decision point). The decision points
 * are the same for every policy: policies only differ after their decision. Every policy sees the same seeds, and
 * each episode's simulator seed is the evaluation seed plus the episode index.
 *
 * <p>Full run for BENCHMARKS.md: {@code mvn -o -Dspotless.check.skip=true -Djacoco.skip=true test
 * -Dtest=OfflineEvaluationTests -Doffline.k=800}.
 */
final class OfflineEvaluation {
    /** K of R8.6. */
    static final int DEFAULT_EPISODES = 800;

    static final int ATTENDEES = 200;
    static final long DEFAULT_SEED = 20_260_301L;

    /** The episodes compared at the start and at the end of learning (R8.6 gate). */
    static final int LEARNING_WINDOW = 200;

    static final String ORG_ID = "org-offline";
    static final String EVENT_ID = "event-offline";
    static final ScopeChain SCOPES = ScopeChain.of(ORG_ID, EVENT_ID);

    /** {@code min_confidence_threshold} and {@code max_interventions_per_hour}: the event defaults of R0.6. */
    static final double MIN_CONFIDENCE = 0.50;

    static final int MAX_PER_HOUR = 10;
    static final Duration AGENT_POLL = Duration.ofSeconds(60);
    static final int POLL_OPTIONS = 4;

    private static final long ONSET = Scenario.OFFLINE_BASELINE.getSeconds();
    private static final HalfSpaceTrees FOREST = new HalfSpaceTrees(1L);
    private static final DetectorSettings DETECTOR =
            DetectorSettings.defaults(SimulatedSession.TICK).withHst(true, 1L);
    private static final Set<InterventionType> ALL_TYPES = EnumSet.allOf(InterventionType.class);
    private static final GroundTruth[] CAUSES = GroundTruth.values();

    /**
     * What the evaluation may vary for analysis runs of {@link #main}; the release gate uses {@link #defaults()}.
     *
     * @param bandit the bandit's settings ({@link BanditSettings#defaults()} for R8.6)
     * @param trueCauseContext key the bandit's context on the true cause instead of the raised anomaly's type, to
     *     measure what misclassification costs (never the case in R8.6)
     */
    record Variant(BanditSettings bandit, boolean trueCauseContext) {
        static Variant defaults() {
            return new Variant(BanditSettings.defaults(), false);
        }

        boolean isDefault() {
            return equals(defaults());
        }
    }

    /** The policies of R8.6. */
    enum Policy {
        BANDIT("bandit (defaults)"),
        RANDOM("uniform random"),
        ALWAYS_POLL("always-POLL"),
        ORACLE("oracle"),
        NONE("no intervention");

        final String label;

        Policy(String label) {
            this.label = label;
        }
    }

    /**
     * One episode of one policy.
     *
     * @param raisedSecond the session second of the first raise at or after the onset, or -1 when none came
     * @param noEligibleArm the policy had no eligible arm (R4.6) and did nothing
     * @param delta post − pre (R7.1), null without a decision point or with fewer than 3 post ticks
     * @param reward {@code v2} of the delta, null when the delta is
     * @param regret the oracle value minus the chosen arm's value, 0 without a decision point
     */
    record Episode(
            int index,
            long seed,
            GroundTruth cause,
            long raisedSecond,
            @Nullable AnomalyType raisedType,
            @Nullable String context,
            @Nullable InterventionType arm,
            boolean noEligibleArm,
            boolean responded,
            @Nullable Double delta,
            @Nullable Double reward,
            double regret) {

        boolean decided() {
            return raisedType != null;
        }
    }

    /** The episodes of one policy, in order. */
    record PolicyResult(Policy policy, List<Episode> episodes) {

        List<Episode> decisions() {
            return episodes.stream().filter(Episode::decided).toList();
        }

        double cumulativeRegret() {
            return decisions().stream().mapToDouble(Episode::regret).sum();
        }

        double perEpisodeRegret() {
            return mean(decisions(), Episode::regret);
        }

        /** Per-episode regret over the decision points among the episodes [from, to). */
        double regret(int from, int to) {
            return mean(
                    decisions().stream()
                            .filter(e -> e.index() >= from && e.index() < to)
                            .toList(),
                    Episode::regret);
        }

        double firstWindowRegret() {
            return regret(0, Math.min(LEARNING_WINDOW, episodes.size()));
        }

        double lastWindowRegret() {
            return regret(Math.max(0, episodes.size() - LEARNING_WINDOW), episodes.size());
        }

        /** Engagement recovered: the mean delta over the complete measurements. */
        double meanDelta() {
            return mean(measured(), e -> Objects.requireNonNull(e.delta()));
        }

        double meanReward() {
            return mean(measured(), e -> Objects.requireNonNull(e.reward()));
        }

        double noEligibleShare() {
            List<Episode> d = decisions();
            return d.isEmpty() ? 0.0 : d.stream().filter(Episode::noEligibleArm).count() / (double) d.size();
        }

        long incomplete() {
            return decisions().size() - measured().size();
        }

        long missed() {
            return episodes.size() - decisions().size();
        }

        List<Episode> measured() {
            return decisions().stream().filter(e -> e.delta() != null).toList();
        }

        /** Per true cause, how often each arm (or "none") was chosen among the episodes that pass the filter. */
        Map<GroundTruth, Map<String, Long>> armsByCause(Predicate<Episode> filter) {
            return decisions().stream()
                    .filter(filter)
                    .collect(Collectors.groupingBy(
                            Episode::cause,
                            () -> new EnumMap<>(GroundTruth.class),
                            Collectors.groupingBy(
                                    e -> e.arm() == null ? "none" : e.arm().name(),
                                    TreeMap::new,
                                    Collectors.counting())));
        }

        String line(int attendees) {
            return String.format(
                    Locale.ROOT,
                    "R8.6 K=%d N=%d %-18s regret/episode %.4f (cumulative %.2f; first %d %.4f, last %d %.4f),"
                            + " recovered (mean delta) %+.4f, mean reward %.4f, no eligible arm %.1f %%,"
                            + " decisions %d/%d, incomplete %d",
                    episodes.size(),
                    attendees,
                    policy.label,
                    perEpisodeRegret(),
                    cumulativeRegret(),
                    LEARNING_WINDOW,
                    firstWindowRegret(),
                    LEARNING_WINDOW,
                    lastWindowRegret(),
                    meanDelta(),
                    meanReward(),
                    100 * noEligibleShare(),
                    decisions().size(),
                    episodes.size(),
                    incomplete());
        }

        private static double mean(List<Episode> episodes, java.util.function.ToDoubleFunction<Episode> f) {
            return episodes.stream().mapToDouble(f).average().orElse(Double.NaN);
        }
    }

    /** The results of every policy over the same episodes. */
    record Report(int episodes, long seed, Variant variant, List<PolicyResult> results, Duration elapsed) {

        PolicyResult of(Policy policy) {
            return results.stream()
                    .filter(r -> r.policy() == policy)
                    .findFirst()
                    .orElseThrow();
        }

        /** Σ over the decision points of the true cause's oracle value. */
        double sumOfOracleValues() {
            return of(Policy.NONE).decisions().stream()
                    .mapToDouble(e -> e.cause().oracleValue())
                    .sum();
        }

        List<String> table() {
            List<String> lines = new ArrayList<>();
            results.forEach(r -> lines.add(r.line(ATTENDEES)));
            return lines;
        }

        /** Supporting lines: what was raised for each cause, and what the bandit chose late in learning. */
        List<String> details() {
            List<String> lines = new ArrayList<>();
            Map<GroundTruth, Map<String, Long>> raised = of(Policy.NONE).episodes().stream()
                    .collect(Collectors.groupingBy(
                            Episode::cause,
                            () -> new EnumMap<>(GroundTruth.class),
                            Collectors.groupingBy(
                                    e -> e.raisedType() == null
                                            ? "not raised"
                                            : e.raisedType().name(),
                                    TreeMap::new,
                                    Collectors.counting())));
            lines.add("R8.6 first raise after onset by true cause: " + raised);
            Map<GroundTruth, Double> delay = of(Policy.NONE).decisions().stream()
                    .collect(Collectors.groupingBy(
                            Episode::cause,
                            () -> new EnumMap<>(GroundTruth.class),
                            Collectors.averagingDouble(e -> e.raisedSecond() - ONSET)));
            lines.add("R8.6 mean raise delay after onset (s) by true cause: " + format(delay));
            for (Policy p : Policy.values()) {
                Map<GroundTruth, Double> deltas = of(p).measured().stream()
                        .collect(Collectors.groupingBy(
                                Episode::cause,
                                () -> new EnumMap<>(GroundTruth.class),
                                Collectors.averagingDouble(e -> Objects.requireNonNull(e.delta()))));
                lines.add("R8.6 mean delta by true cause, " + p.label + ": " + format(deltas));
            }
            Map<GroundTruth, Map<String, Double>> rewardByArm = of(Policy.RANDOM).measured().stream()
                    .collect(Collectors.groupingBy(
                            Episode::cause,
                            () -> new EnumMap<>(GroundTruth.class),
                            Collectors.groupingBy(
                                    e -> Objects.requireNonNull(e.arm()).name(),
                                    TreeMap::new,
                                    Collectors.averagingDouble(e -> Objects.requireNonNull(e.reward())))));
            rewardByArm.forEach((cause, rewards) -> lines.add("R8.6 mean reward by arm (uniform random), " + cause
                    + " (oracle " + cause.oracle() + "): "
                    + rewards.entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s=%.3f", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", "))));
            lines.add(String.format(
                    Locale.ROOT,
                    "R8.6 hindsight bound: best fixed arm per raised context key %.4f/episode (%d keys),"
                            + " per raised anomaly type %.4f/episode",
                    hindsightRegret(e -> Objects.requireNonNull(e.context())),
                    of(Policy.NONE).decisions().stream()
                            .map(Episode::context)
                            .distinct()
                            .count(),
                    hindsightRegret(e -> Objects.requireNonNull(e.raisedType()).name())));
            PolicyResult bandit = of(Policy.BANDIT);
            int from = Math.max(0, episodes - LEARNING_WINDOW);
            lines.add("R8.6 bandit arms by true cause, first " + LEARNING_WINDOW + ": "
                    + bandit.armsByCause(e -> e.index() < LEARNING_WINDOW));
            lines.add("R8.6 bandit arms by true cause, last " + LEARNING_WINDOW + ": "
                    + bandit.armsByCause(e -> e.index() >= from));
            lines.add(String.format(
                    Locale.ROOT,
                    "R8.6 K=%d seed %d%s: %d policies in %.1f s",
                    episodes,
                    seed,
                    variant.isDefault() ? "" : " variant " + variant,
                    results.size(),
                    elapsed.toMillis() / 1e3));
            return lines;
        }

        /**
         * The per-episode regret of the best policy that sees only a key of the raised anomaly and plays one fixed
         * arm per key, chosen in hindsight with the true values: what any learner keyed on it could reach at best.
         */
        double hindsightRegret(java.util.function.Function<Episode, String> key) {
            List<Episode> decisions = of(Policy.NONE).decisions();
            Map<String, List<Episode>> byKey = decisions.stream().collect(Collectors.groupingBy(key));
            double total = 0;
            for (List<Episode> group : byKey.values()) {
                double best = Double.POSITIVE_INFINITY;
                for (InterventionType arm : InterventionType.values()) {
                    best = Math.min(
                            best,
                            group.stream()
                                    .mapToDouble(e ->
                                            e.cause().oracleValue() - e.cause().value(arm))
                                    .sum());
                }
                total += best;
            }
            return total / decisions.size();
        }

        private static String format(Map<GroundTruth, Double> values) {
            return values.entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s=%+.4f", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    private OfflineEvaluation() {}

    /** Every policy over the same {@code episodes} episodes (R8.6 as specified), the policies in parallel. */
    static Report run(int episodes, long seed) {
        return run(episodes, seed, Variant.defaults());
    }

    /** Every policy over the same {@code episodes} episodes, the policies in parallel. */
    static Report run(int episodes, long seed, Variant variant) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be positive: " + episodes);
        }
        long t0 = System.nanoTime();
        List<PolicyResult> results = Arrays.stream(Policy.values())
                .parallel()
                .map(p -> run(p, episodes, seed, variant))
                .toList();
        return new Report(episodes, seed, variant, results, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** One policy over {@code episodes} episodes, in order (the bandit learns between them). */
    static PolicyResult run(Policy policy, int episodes, long seed, Variant variant) {
        Chooser chooser = chooser(policy, seed, variant);
        List<Episode> out = new ArrayList<>(episodes);
        for (int k = 0; k < episodes; k++) {
            out.add(episode(k, seed + k, CAUSES[k % CAUSES.length], chooser, variant));
        }
        return new PolicyResult(policy, List.copyOf(out));
    }

    /**
     * The evaluation from the command line (test class path): {@code [K [seed [discount [trueCauseContext]]]]},
     * K = 800, the default seed and the default bandit unless given. The last two are analysis variants only.
     */
    public static void main(String[] args) {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_EPISODES;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        BanditSettings bandit = args.length > 2
                ? BanditSettings.defaults().withDiscount(Double.parseDouble(args[2]))
                : BanditSettings.defaults();
        boolean trueCause = args.length > 3 && Boolean.parseBoolean(args[3]);
        Report report = run(k, seed, new Variant(bandit, trueCause));
        report.table().forEach(System.out::println);
        report.details().forEach(System.out::println);
    }

    /** How a policy chooses among the arms that are not in cooldown, and what it learns. */
    private interface Chooser {
        /** Whether the policy intervenes at all (no intervention only measures). */
        default boolean intervenes() {
            return true;
        }

        /** The arm, or empty when no arm is eligible. */
        Optional<InterventionType> choose(DecisionRequest request, Set<InterventionType> eligible, GroundTruth cause);

        default void learn(ContextKey context, InterventionType arm, double reward) {}
    }

    private static Chooser chooser(Policy policy, long seed, Variant variant) {
        return switch (policy) {
            case BANDIT -> new BanditChooser(variant.bandit(), new SplittableRandom(seed ^ 0x5EED_BA4D17L));
            case RANDOM -> {
                SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_4A2D0L);
                yield (request, eligible, cause) -> {
                    List<InterventionType> arms = List.copyOf(eligible);
                    return arms.isEmpty() ? Optional.empty() : Optional.of(arms.get(random.nextInt(arms.size())));
                };
            }
            case ALWAYS_POLL -> (request, eligible, cause) ->
                    Optional.of(InterventionType.POLL).filter(eligible::contains);
            case ORACLE -> (request, eligible, cause) ->
                    Optional.of(cause.oracle()).filter(eligible::contains);
            case NONE -> new Chooser() {
                @Override
                public boolean intervenes() {
                    return false;
                }

                @Override
                public Optional<InterventionType> choose(
                        DecisionRequest request, Set<InterventionType> eligible, GroundTruth cause) {
                    return Optional.empty();
                }
            };
        };
    }

    /** Our bandit with default settings over in-memory statistics, learning across episodes. */
    private static final class BanditChooser implements Chooser {
        private final InterventionPolicy policy;

        BanditChooser(BanditSettings settings, SplittableRandom random) {
            this.policy = new InterventionPolicy(settings, new InMemoryBanditStatistics(), random);
        }

        @Override
        public Optional<InterventionType> choose(
                DecisionRequest request, Set<InterventionType> eligible, GroundTruth cause) {
            PolicyChoice choice = policy.decide(request);
            if (choice instanceof PolicyChoice.Intervene intervene) {
                return Optional.of(InterventionType.valueOf(intervene.arm().name()));
            }
            return Optional.empty();
        }

        @Override
        public void learn(ContextKey context, InterventionType arm, double reward) {
            policy.recordReward(SCOPES, context, Arm.valueOf(arm.name()), reward);
        }
    }

    private static Episode episode(int index, long seed, GroundTruth cause, Chooser chooser, Variant variant) {
        Scenario scenario = Scenario.offlineEpisode(cause);
        AudienceSimulator simulator = new AudienceSimulator(scenario, ATTENDEES, seed, SimulatedSession.START);
        EpisodeRun run = new EpisodeRun(
                index, cause, simulator, chooser, variant.trueCauseContext(), new SplittableRandom(seed));
        new SimulatedSession(simulator).run(scenario.maxDuration(), run::onTick);
        return run.result(seed);
    }

    /** The mutable state of one episode while it runs. */
    private static final class EpisodeRun {
        private final int index;
        private final GroundTruth cause;
        private final AudienceSimulator simulator;
        private final Chooser chooser;
        private final boolean trueCauseContext;
        private final AnomalyDetector detector;
        private final InterventionLimits limits = new InterventionLimits();
        private final String sessionId;
        private final List<Reward.Tick> ticks = new ArrayList<>();
        private @Nullable Instant runStart;
        private @Nullable Instant onset;
        private @Nullable Instant decidedAt;
        private long raisedSecond = -1;
        private @Nullable AnomalyType raisedType;
        private @Nullable ContextKey context;
        private @Nullable InterventionType arm;
        private boolean noEligibleArm;
        private boolean responded;
        private @Nullable String pollId;
        private long pollClosesAt = -1;

        EpisodeRun(
                int index,
                GroundTruth cause,
                AudienceSimulator simulator,
                Chooser chooser,
                boolean trueCauseContext,
                SplittableRandom ids) {
            this.index = index;
            this.cause = cause;
            this.simulator = simulator;
            this.chooser = chooser;
            this.trueCauseContext = trueCauseContext;
            this.detector = new AnomalyDetector(DETECTOR, FOREST, ids);
            this.sessionId = "offline-" + index;
        }

        void onTick(SimulatedSession.ScoredTick tick) {
            if (pollId != null && tick.second() >= pollClosesAt) {
                simulator.pollClosed(pollId);
                pollId = null;
            }
            if (!tick.fed()) {
                return;
            }
            Score s = tick.score();
            ticks.add(new Reward.Tick(tick.at(), s.detection()));
            DetectionResult r = detector.onFedTick(new FedTick(
                    tick.at(), s.detection(), s.published(), s.leaveRate(), s.chatN(), s.reactN(), s.activeN()));
            if (!r.anomalous()) {
                runStart = null;
            } else if (runStart == null) {
                runStart = tick.at();
            }
            if (decidedAt != null || tick.second() < ONSET) {
                return;
            }
            for (AnomalyReport report : r.published()) {
                if (report.kind() == AnomalyReport.Kind.RAISED) {
                    decide(report, tick);
                    return;
                }
            }
        }

        private void decide(AnomalyReport report, SimulatedSession.ScoredTick tick) {
            Instant at = tick.at();
            decidedAt = at;
            onset = runStart != null ? runStart : at;
            raisedSecond = tick.second();
            raisedType = report.type();
            ContextKey key = ContextKey.of(
                    trueCauseContext ? cause.name() : report.type().name(),
                    report.currentEngagement(),
                    tick.signals().connectedUsers(),
                    report.deviation(),
                    report.expectedEngagement() > 0 ? report.expectedEngagement() : null);
            context = key;
            if (!chooser.intervenes()) {
                return;
            }
            Set<InterventionType> cooling = limits.inCooldown(sessionId, at);
            Map<Arm, Duration> cooldowns = new EnumMap<>(Arm.class);
            cooling.forEach(t -> cooldowns.put(Arm.valueOf(t.name()), InterventionLimits.cooldown(t)));
            Set<InterventionType> eligible = EnumSet.allOf(InterventionType.class);
            eligible.removeAll(cooling);
            DecisionRequest request =
                    new DecisionRequest(SCOPES, key, EnumSet.allOf(Arm.class), cooldowns, false, MIN_CONFIDENCE);
            Optional<InterventionType> choice = chooser.choose(request, eligible, cause);
            if (choice.isEmpty()) {
                noEligibleArm = true;
                return;
            }
            InterventionType chosen = choice.get();
            Optional<InterventionLimits.Block> block =
                    limits.tryConsume(sessionId, EVENT_ID, chosen, ALL_TYPES, MAX_PER_HOUR, at, null);
            if (block.isPresent()) {
                throw new IllegalStateException("episode " + index + ": " + chosen + " blocked: " + block.get());
            }
            arm = chosen;
            responded = simulator.respond(chosen, at).responded();
            if (chosen == InterventionType.POLL) {
                pollId = "agent-poll-" + index;
                simulator.pollOpened(pollId, POLL_OPTIONS);
                pollClosesAt = tick.second() + AGENT_POLL.getSeconds();
            }
        }

        Episode result(long seed) {
            Double delta = null;
            Double reward = null;
            double regret = 0.0;
            if (decidedAt != null) {
                boolean notification = arm == InterventionType.NOTIFICATION;
                OptionalDouble pre = Reward.pre(ticks, decidedAt, onset);
                OptionalDouble post = Reward.post(ticks, decidedAt, notification);
                if (pre.isPresent() && post.isPresent()) {
                    delta = post.getAsDouble() - pre.getAsDouble();
                    reward = Reward.v2(delta);
                    if (arm != null) {
                        chooser.learn(Objects.requireNonNull(context), arm, reward);
                    }
                }
                regret = cause.oracleValue() - (arm == null ? 0.0 : cause.value(arm));
            }
            return new Episode(
                    index,
                    seed,
                    cause,
                    raisedSecond,
                    raisedType,
                    context == null ? null : context.value(),
                    arm,
                    noEligibleArm,
                    responded,
                    delta,
                    reward,
                    regret);
        }
    }
}

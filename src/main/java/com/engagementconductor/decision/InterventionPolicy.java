package com.engagementconductor.decision;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Chooses an intervention by contextual Thompson Sampling (R4.5–R4.8) and learns from measured rewards (R4.4),
 * over any {@link BanditStatistics}: the JDBC store in the service, memory in tests and the offline evaluation.
 * As thread-safe as its generator and store; the service hands it a thread-local generator.
 */
public final class InterventionPolicy {
    private static final Arm[] ARMS = Arm.values();

    private final BanditSettings settings;
    private final BanditStatistics statistics;
    private final ThompsonSampling sampling;

    public InterventionPolicy(BanditSettings settings, BanditStatistics statistics, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.statistics = Objects.requireNonNull(statistics, "statistics must not be null");
        this.sampling = new ThompsonSampling(random);
    }

    /**
     * Eligible arms (R4.6), then one Beta draw per eligible arm (R4.7), then the reported figures with a fresh
     * probability-best (R4.8). No eligible arm gives {@link PolicyChoice.NoIntervention}.
     */
    public PolicyChoice decide(DecisionRequest request) {
        Map<Arm, EffectivePosterior> effective = posteriors(request.scopes(), request.context());
        Map<Arm, ArmPosterior> posteriors = new EnumMap<>(Arm.class);
        BetaDistribution[] candidates = new BetaDistribution[ARMS.length];
        Arm[] eligible = new Arm[ARMS.length];
        int count = 0;
        for (Arm arm : ARMS) {
            EffectivePosterior p = effective.get(arm);
            Exclusion exclusion = exclusion(arm, p, request);
            posteriors.put(arm, new ArmPosterior(p.alpha(), p.beta(), p.attempts(), exclusion));
            if (exclusion == null) {
                eligible[count] = arm;
                candidates[count++] = new BetaDistribution(p.alpha(), p.beta());
            }
        }
        if (count == 0) {
            return new PolicyChoice.NoIntervention(NoInterventionReason.NO_ELIGIBLE_ARM, posteriors);
        }
        BetaDistribution[] arms = Arrays.copyOf(candidates, count);
        int chosen = count == 1 ? 0 : sampling.select(arms);
        double probabilityBest = sampling.probabilityBest(arms, settings.probabilityBestRounds())[chosen];
        EffectivePosterior p = effective.get(eligible[chosen]);
        return new PolicyChoice.Intervene(
                eligible[chosen],
                p.mean(),
                probabilityBest,
                p.attempts(),
                Thresholds.below(p.attempts(), settings.floorAttempts()),
                posteriors);
    }

    /** Every arm's effective posterior in the narrowest scope of the chain (R4.5, R4.5b), in arm order. */
    public Map<Arm, EffectivePosterior> posteriors(ScopeChain scopes, ContextKey context) {
        Map<StatsKey, ContextStats> stats = statistics.load(scopes, context);
        List<StatsKey> keys = BanditStatistics.keysOf(scopes, context);
        Map<Arm, EffectivePosterior> effective = new EnumMap<>(Arm.class);
        for (Arm arm : ARMS) {
            effective.put(arm, BackOff.effective(arm, keys, stats, settings.backOffPseudoObservations()));
        }
        return effective;
    }

    /**
     * Learns from one measured reward in every scope of the chain, for the context and its anomaly-type aggregate
     * (R4.4, R4.5b). Only a confirmed delivery with a complete, unconfounded measurement may call this (R7.3).
     */
    public void recordReward(ScopeChain scopes, ContextKey context, Arm arm, double reward) {
        statistics.applyReward(scopes, context, arm, reward, settings.discount());
    }

    public BanditSettings settings() {
        return settings;
    }

    /** The first step of R4.6 that removes the arm, or null when it is eligible. */
    private @Nullable Exclusion exclusion(Arm arm, EffectivePosterior p, DecisionRequest request) {
        if (!request.allowed().contains(arm)) {
            return Exclusion.NOT_ALLOWED;
        }
        if (request.inCooldown(arm)) {
            return Exclusion.IN_COOLDOWN;
        }
        if (request.holdoutBaseline()
                && Thresholds.below(p.mean(), request.minConfidenceThreshold())
                && Thresholds.atLeast(p.attempts(), settings.floorAttempts())) {
            return Exclusion.BELOW_FLOOR;
        }
        return null;
    }
}

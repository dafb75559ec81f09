package com.engagementconductor.anomaly;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Per-session detector state machine (R3.1–R3.14): control band, CUSUM drift, Half-Space Trees, signal evidence,
 * classification, hysteresis and cooldowns. Not thread-safe: confined to the session's lane.
 */
public final class AnomalyDetector {

    private static final double Z_OFFSET = 2.0;
    private static final double Z_SPAN = 4.0;

    private final DetectorSettings settings;
    private final RandomGenerator ids;
    private final AnomalyClassifier classifier;
    private final TickHistory history;
    private final EwmaBaseline band;
    private final DriftDetector drift = new DriftDetector();
    private final @Nullable HalfSpaceTreesState hst;
    private final Hysteresis hysteresis;
    private final SpikeRule spikes;
    private int fedTicks;
    private double lastZ;

    /**
     * @param forest the deployment's shared trees; with null, or with HST disabled in the settings, HST is not used
     * @param ids the source of the random bits of anomaly ids
     */
    public AnomalyDetector(DetectorSettings settings, @Nullable HalfSpaceTrees forest, RandomGenerator ids) {
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.classifier = new AnomalyClassifier(settings);
        this.history = new TickHistory(historyCapacity(settings));
        this.band = new EwmaBaseline(settings);
        this.hst = forest == null || !settings.hstEnabled() ? null : new HalfSpaceTreesState(forest, settings);
        this.hysteresis = new Hysteresis(settings, ids);
        this.spikes = new SpikeRule(settings);
    }

    /** Consumes one fed tick: stored only during warm-up, evaluated from the tick after it. */
    public DetectionResult onFedTick(FedTick tick) {
        Objects.requireNonNull(tick, "tick must not be null");
        fedTicks++;
        double hstScore = hst == null ? 0.0 : hst.observe(HalfSpaceTrees.features(tick));
        if (fedTicks <= settings.warmupTicks()) {
            history.add(tick.detectionScore(), tick.publishedScore());
            if (fedTicks == settings.warmupTicks()) {
                int n = settings.warmupTicks();
                band.start(history.meanX(n), history.sampleVarianceX(n));
            }
            return DetectionResult.storedOnly(fedTicks);
        }
        DetectionResult result = evaluate(tick, hstWarm() ? hstScore : 0.0);
        history.add(tick.detectionScore(), tick.publishedScore());
        return result;
    }

    /** Starts the warm-up again and forgets everything, the active anomaly and cooldowns included (R2.8, R1.11). */
    public void reset() {
        fedTicks = 0;
        lastZ = 0;
        history.clear();
        band.clear();
        drift.reset();
        hysteresis.clear();
        spikes.clear();
        if (hst != null) {
            hst.clear();
        }
    }

    /** Fed ticks consumed since construction or the last reset. */
    public int fedTicks() {
        return fedTicks;
    }

    /** Whether an anomaly is raised and not yet cleared. */
    public boolean anomalyActive() {
        return hysteresis.active().isPresent();
    }

    /** The active anomaly as last published (after a WARNING-to-CRITICAL update, the update). */
    public Optional<AnomalyReport> activeAnomaly() {
        return hysteresis.active();
    }

    /** The first anomalous tick of the current run of anomalous ticks: a raised anomaly's onset (R7.1). */
    public Optional<java.time.Instant> runStart() {
        return hysteresis.runStart();
    }

    /** Whether Half-Space Trees has joined the blend: enabled and past its first 60 fed ticks (R3.6). */
    public boolean hstWarm() {
        return hst != null && fedTicks > HalfSpaceTreesState.WINDOW;
    }

    /** The band's z = (μ − x) ÷ σ_eff of the last evaluated tick (diagnostics and tests). */
    double lastZ() {
        return lastZ;
    }

    /** The CUSUM sum S after the last evaluated tick (diagnostics and tests). */
    double cusum() {
        return drift.sum();
    }

    private DetectionResult evaluate(FedTick tick, double hstScore) {
        double x = tick.detectionScore();
        double mean = band.mean();
        double z = -band.standardised(x);
        lastZ = z;
        double bandScore = Thresholds.clamp01((z - Z_OFFSET) / Z_SPAN);
        double driftScore = drift.step(z);
        band.update(x);

        double statistical = Math.max(bandScore, driftScore);
        double combined = hstWarm() ? Math.max(statistical, 0.5 * hstScore + 0.5 * statistical) : statistical;
        double recentMean = recentMean(tick.publishedScore());
        double evidence = evidence(tick.leaveRate(), recentMean);
        double anomalyScore = Math.max(combined, evidence);
        Components components = new Components(bandScore, driftScore, hstScore, evidence);

        AnomalyType type = Thresholds.atLeast(anomalyScore, settings.warningThreshold())
                ? classifier.classify(x, tick.leaveRate(), recentMean, history)
                : null;
        double expected = Thresholds.clamp01(history.meanP(Math.min(settings.referenceWindowTicks(), history.size())));
        TickFacts facts = new TickFacts(
                tick.timestamp(),
                anomalyScore,
                type,
                classifier.fellFromPrevious(history, x),
                tick.publishedScore(),
                expected,
                components,
                hstWarm());
        Hysteresis.Step step = hysteresis.step(facts);
        if (step.cleared()) {
            drift.reset();
        }
        AnomalyReport spike = spikes.check(z, x, mean, tick.timestamp()) ? spike(facts, z) : null;
        return new DetectionResult(
                fedTicks,
                anomalyScore,
                components,
                type,
                type != null,
                step.published(),
                spike,
                step.cleared(),
                step.deferred());
    }

    /** e of R3.7: 0.8 on a mass exit, else 0.6 (0.8) when p̄ ≤ 0.20 (0.10), else 0. */
    private double evidence(double leave, double recentMean) {
        if (Thresholds.atLeast(leave, settings.massExitLeave())) {
            return 0.8;
        }
        if (Thresholds.atMost(recentMean, settings.veryLowEngagementMean())) {
            return 0.8;
        }
        return Thresholds.atMost(recentMean, settings.lowEngagementMean()) ? 0.6 : 0.0;
    }

    /** p̄: the mean published score over the last ⌈30 ÷ T⌉ fed ticks, this one included. */
    private double recentMean(double current) {
        int earlier = Math.min(settings.recentMeanTicks() - 1, history.size());
        return (history.sumP(earlier) + current) / (earlier + 1);
    }

    private AnomalyReport spike(TickFacts facts, double z) {
        return new AnomalyReport(
                AnomalyIds.next(ids),
                AnomalyReport.Kind.SPIKE,
                facts.timestamp(),
                AnomalyType.SPIKE,
                Severity.INFO,
                SpikeRule.score(z),
                facts.currentEngagement(),
                facts.expectedEngagement(),
                facts.components(),
                facts.detectorWarm());
    }

    private static int historyCapacity(DetectorSettings settings) {
        int capacity = Math.max(settings.referenceWindowTicks(), settings.minuteBackTicks());
        capacity = Math.max(capacity, settings.recentMeanTicks() - 1);
        return Math.max(capacity, settings.warmupTicks());
    }
}

package com.engagementconductor.anomaly;

import com.engagementconductor.anomaly.AnomalyEvents.AnomalyCleared;
import com.engagementconductor.anomaly.AnomalyEvents.AnomalyDetected;
import com.engagementconductor.scoring.EngagementPayloads;
import com.engagementconductor.scoring.EngagementScored;
import com.engagementconductor.scoring.Score;
import com.engagementconductor.scoring.ScoringSettings;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.SequenceNumbers;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.Topics;
import com.engagementconductor.signals.SessionEvents.SessionReleased;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs each live session's detector on its fed ticks (on the session's lane), publishes {@code anomaly:detected}
 * and {@code engagement.spike} directly, stores anomalies off the lane, and announces them in-process. An
 * anomaly is published whether or not it can be stored (R3.14, D15).
 */
@Component
class AnomalyMonitor implements DisposableBean, AnomalyNotes {
    private static final Logger log = LoggerFactory.getLogger(AnomalyMonitor.class);

    private final ConcurrentHashMap<String, AnomalyDetector> detectors = new ConcurrentHashMap<>();
    private final DetectorSettings settings;
    private final @Nullable HalfSpaceTrees forest;
    private final RandomGenerator ids;
    private final EventBus bus;
    private final SequenceNumbers seqs;
    private final AnomalyStore store;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Counter storeFailures;
    private final ExecutorService writer =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "conductor-store-anomalies");
                t.setDaemon(true);
                return t;
            });

    AnomalyMonitor(
            AnomalySettings anomalySettings,
            ScoringSettings scoring,
            @Nullable HalfSpaceTrees forest,
            RandomGenerator anomalyIds,
            EventBus bus,
            SequenceNumbers seqs,
            AnomalyStore store,
            ApplicationEventPublisher events,
            JsonMapper json,
            MeterRegistry meters) {
        this.settings = anomalySettings.detector(scoring.tick());
        this.forest = anomalySettings.hst().enabled() ? forest : null;
        this.ids = anomalyIds;
        this.bus = bus;
        this.seqs = seqs;
        this.store = store;
        this.events = events;
        this.json = json;
        this.meters = meters;
        this.storeFailures = Counter.builder("conductor.store.dropped")
                .tag("table", "anomalies")
                .register(meters);
    }

    @EventListener
    void on(EngagementScored scored) {
        if (!scored.fed()) {
            return;
        }
        Score s = scored.score();
        AnomalyDetector detector =
                detectors.computeIfAbsent(scored.sessionId(), id -> new AnomalyDetector(settings, forest, ids));
        DetectionResult result = detector.onFedTick(new FedTick(
                scored.at(), s.detection(), s.published(), s.leaveRate(), s.chatN(), s.reactN(), s.activeN()));
        Map<String, Object> signals = result.published().isEmpty() && result.spike() == null
                ? Map.of()
                : EngagementPayloads.signals(scored.signals());
        for (AnomalyReport report : result.published()) {
            publish(scored, report, signals, detector.runStart().orElse(report.timestamp()));
        }
        if (result.spike() != null) {
            spike(scored, result.spike(), signals);
        }
        if (result.cleared()) {
            events.publishEvent(new AnomalyCleared(scored.sessionId(), scored.at()));
        }
    }

    @EventListener
    void on(SessionReleased released) {
        detectors.remove(released.sessionId());
    }

    private void publish(
            EngagementScored scored, AnomalyReport report, Map<String, Object> signals, java.time.Instant onset) {
        long seq = seqs.next(scored.sessionId());
        Map<String, Object> payload =
                AnomalyPayloads.anomaly(scored.sessionId(), scored.eventId(), report, signals, seq);
        bus.publish(Topics.ANOMALY_DETECTED, json.writeValueAsString(payload));
        Counter.builder("conductor.anomalies.detected")
                .tag("type", report.type().name())
                .tag("severity", report.severity().name())
                .register(meters)
                .increment();
        try {
            writer.execute(() -> save(scored, report, signals));
        } catch (RejectedExecutionException e) {
            storeFailures.increment();
        }
        events.publishEvent(new AnomalyDetected(scored.sessionId(), scored.eventId(), report, scored.signals(), onset));
    }

    private void spike(EngagementScored scored, AnomalyReport spike, Map<String, Object> signals) {
        long seq = seqs.next(scored.sessionId());
        Map<String, Object> data = AnomalyPayloads.anomaly(scored.sessionId(), scored.eventId(), spike, signals, seq);
        data.remove("seq");
        Map<String, Object> envelope = AnomalyPayloads.envelope(
                "engagement.spike", scored.sessionId(), Timestamps.format(spike.timestamp()), seq, data);
        bus.publish(Topics.sessionEvents(scored.sessionId()), json.writeValueAsString(envelope));
    }

    private void save(EngagementScored scored, AnomalyReport report, Map<String, Object> signals) {
        try {
            store.save(scored.sessionId(), scored.eventId(), report, signals);
        } catch (RuntimeException e) {
            storeFailures.increment();
            log.warn("anomaly {} of session {} not stored: {}", report.anomalyId(), scored.sessionId(), e.toString());
        }
    }

    /** Stored after the anomaly itself: the writer keeps the order. */
    @Override
    public void decisionSkipped(java.util.UUID anomalyId, String reason, java.time.Instant at) {
        try {
            writer.execute(() -> {
                try {
                    store.recordSkip(anomalyId, reason, at);
                } catch (RuntimeException e) {
                    storeFailures.increment();
                    log.warn("skip of anomaly {} not stored: {}", anomalyId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            storeFailures.increment();
        }
    }

    /** Number of sessions with detector state on this node. */
    int trackedSessions() {
        return detectors.size();
    }

    @Override
    public void destroy() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

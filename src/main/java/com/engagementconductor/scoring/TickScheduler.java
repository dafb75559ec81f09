package com.engagementconductor.scoring;

import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.SequenceNumbers;
import com.engagementconductor.shared.SessionLanes;
import com.engagementconductor.shared.Topics;
import com.engagementconductor.signals.LiveSessions;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.signals.SignalsSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clock that drives evaluation (R1.6): every tick each live session is scored on its own lane, whether or
 * not anything arrived; {@code engagement:update} is published and the row is queued for storage.
 */
@Component
public class TickScheduler implements SmartLifecycle {
    private final ScoringSettings settings;
    private final LiveSessions live;
    private final Sessions sessions;
    private final SessionLanes lanes;
    private final SequenceNumbers seqs;
    private final EventBus bus;
    private final EngagementMetrics metrics;
    private final ApplicationEventPublisher events;
    private final InstantSource clock;
    private final JsonMapper json;
    private final EngagementScorer scorer;
    private final int minAudience;
    private final boolean autoStart;
    private final Counter ticks;
    private final Timer tickDuration;
    private ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean running;

    TickScheduler(
            ScoringSettings settings,
            LiveSessions live,
            Sessions sessions,
            SessionLanes lanes,
            SequenceNumbers seqs,
            EventBus bus,
            EngagementMetrics metrics,
            ApplicationEventPublisher events,
            InstantSource clock,
            JsonMapper json,
            MeterRegistry meters,
            @Value("${conductor.signals.min-audience:3}") int minAudience,
            @Value("${conductor.scoring.auto-start:true}") boolean autoStart) {
        this.settings = settings;
        this.live = live;
        this.sessions = sessions;
        this.lanes = lanes;
        this.seqs = seqs;
        this.bus = bus;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.scorer = new EngagementScorer(settings.version());
        this.minAudience = minAudience;
        this.autoStart = autoStart;
        this.ticks = Counter.builder("conductor.ticks").register(meters);
        this.tickDuration = Timer.builder("conductor.tick.duration")
                .description("time to score and evaluate one session at a tick")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Schedules every live session's tick at time {@code t} on its lane. */
    public void tickAll(Instant t) {
        for (String id : live.ids()) {
            lanes.execute(id, () -> tick(id, t));
        }
    }

    /** Scores one session at {@code t}. Lane only. */
    public void tick(String sessionId, Instant t) {
        long start = System.nanoTime();
        Optional<SessionInfo> info = sessions.find(sessionId);
        if (info.isEmpty() || !info.get().active() || live.idle(sessionId, t)) {
            live.release(sessionId);
            return;
        }
        Optional<SignalsSnapshot> sampled = live.sample(sessionId, t);
        if (sampled.isEmpty()) {
            return;
        }
        SignalsSnapshot snapshot = sampled.get();
        Score score = scorer.score(snapshot);
        boolean fed = !snapshot.partialWindow() && snapshot.audience() >= minAudience;
        String eventId = info.get().eventId();
        EngagementScored scored =
                new EngagementScored(sessionId, eventId, t, snapshot, score, fed, seqs.next(sessionId));
        bus.publish(
                Topics.ENGAGEMENT_UPDATE, json.writeValueAsString(EngagementPayloads.update(scored, settings.tick())));
        metrics.append(new MetricRow(sessionId, eventId, t, snapshot, score));
        events.publishEvent(scored);
        ticks.increment();
        tickDuration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    public Duration tickInterval() {
        return settings.tick();
    }

    @Override
    public void start() {
        if (!autoStart) {
            running = true;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "conductor-tick");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = settings.tick().toMillis();
        long now = clock.millis();
        long delay = periodMillis - Math.floorMod(now, periodMillis);
        timer.scheduleAtFixedRate(
                () -> tickAll(clock.instant().truncatedTo(ChronoUnit.SECONDS)),
                delay,
                periodMillis,
                TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package com.engagementconductor.signals;

import com.engagementconductor.shared.SessionLanes;
import com.engagementconductor.signals.SessionProblems.SessionNotFound;
import com.engagementconductor.signals.SessionProblems.SessionNotLive;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Takes decoded signals from every source into the windows of live sessions. Ingestion threads only append
 * to a session's inbox; the session's lane applies them, early when many are waiting.
 */
@Service
public class SignalIngestion {
    private static final int DRAIN_THRESHOLD = 4096;

    /** Where signals come from, for metrics. */
    public enum Source {
        HTTP,
        STREAM,
        SOCKET,
        SIMULATION
    }

    private final Sessions sessions;
    private final LiveSessions live;
    private final SessionLanes lanes;
    private final MeterRegistry meters;
    private final Map<Source, Map<SignalType, Counter>> ingested = new ConcurrentHashMap<>();
    private final Counter ignored;

    SignalIngestion(Sessions sessions, LiveSessions live, SessionLanes lanes, MeterRegistry meters) {
        this.sessions = sessions;
        this.live = live;
        this.lanes = lanes;
        this.meters = meters;
        this.ignored = Counter.builder("conductor.signals.ignored")
                .description("signals for unknown or ended sessions")
                .register(meters);
    }

    /**
     * Accepts a validated batch for a known session, all or nothing.
     *
     * @throws SessionNotFound when the session was never registered or discovered
     * @throws SessionNotLive when it has ended
     */
    public int accept(String sessionId, List<Signal> signals, Source source) {
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new SessionNotFound(sessionId));
        if (!session.active()) {
            throw new SessionNotLive(sessionId);
        }
        LiveSession target = live.activate(sessionId);
        int waiting = 0;
        for (Signal s : signals) {
            waiting = target.offer(s);
            counter(source, s.type()).increment();
            if (s.eventId() != null) {
                sessions.observeEventId(sessionId, s.eventId());
            }
        }
        if (waiting >= DRAIN_THRESHOLD) {
            lanes.execute(sessionId, target::drain);
        }
        return signals.size();
    }

    /** Like {@link #accept}, but counts and drops signals of unknown or ended sessions instead of throwing. */
    public int offer(String sessionId, List<Signal> signals, Source source) {
        try {
            return accept(sessionId, signals, source);
        } catch (SessionNotFound | SessionNotLive e) {
            ignored.increment(signals.size());
            return 0;
        }
    }

    private Counter counter(Source source, SignalType type) {
        return ingested.computeIfAbsent(source, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> Counter.builder("conductor.signals.ingested")
                        .tag("type", t.wireName())
                        .tag("source", source.name().toLowerCase(Locale.ROOT))
                        .register(meters));
    }
}

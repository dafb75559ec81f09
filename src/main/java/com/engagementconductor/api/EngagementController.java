package com.engagementconductor.api;

import com.engagementconductor.anomaly.AnomalyStore;
import com.engagementconductor.scoring.EngagementMetrics;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionProblems.SessionNotFound;
import com.engagementconductor.signals.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recent engagement points and anomalies of a session (contracts §4.13). */
@RestController
class EngagementController {
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    private static final Duration MAX_WINDOW = Duration.ofHours(24);

    private final Sessions sessions;
    private final EngagementMetrics metrics;
    private final AnomalyStore anomalies;
    private final InstantSource clock;
    private final long tickSeconds;
    private final String formula;

    EngagementController(
            Sessions sessions,
            EngagementMetrics metrics,
            AnomalyStore anomalies,
            InstantSource clock,
            TickScheduler ticks,
            @Value("${conductor.scoring.score-version:v2}") String formula) {
        this.sessions = sessions;
        this.metrics = metrics;
        this.anomalies = anomalies;
        this.clock = clock;
        this.tickSeconds = ticks.tickInterval().getSeconds();
        this.formula = formula;
    }

    @GetMapping("/api/v1/sessions/{sessionId}/engagement")
    @Access(Access.Level.READ)
    Map<String, Object> engagement(
            Caller caller,
            @PathVariable String sessionId,
            @RequestParam(name = "since", required = false) @Nullable String since,
            @RequestParam(name = "limit", defaultValue = "200") int limit) {
        Bodies.pathId("session_id", sessionId);
        Instant now = clock.instant();
        Instant from = now.minus(DEFAULT_WINDOW);
        if (since != null) {
            try {
                from = Timestamps.parse(since);
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("since", "must be an ISO-8601 date-time");
            }
            if (from.isBefore(now.minus(MAX_WINDOW))) {
                throw InvalidInput.of("since", "must be at most 24 hours back");
            }
        }
        Bodies.range("limit", limit, 1, 1000);
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new SessionNotFound(sessionId));
        if (!caller.owns(session.orgId())) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
        List<EngagementMetrics.StoredPoint> points = metrics.recent(sessionId, from, limit);
        Instant windowStart = points.isEmpty() ? from : points.get(0).timestamp();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", sessionId);
        out.put("event_id", session.eventId());
        out.put("interval_seconds", tickSeconds);
        out.put("formula", formula);
        out.put("points", points.stream().map(EngagementController::point).toList());
        out.put(
                "anomalies",
                anomalies.since(sessionId, windowStart, 1000).stream()
                        .map(EngagementController::anomaly)
                        .toList());
        out.put("interventions", List.of());
        return out;
    }

    private static Map<String, Object> point(EngagementMetrics.StoredPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", Timestamps.format(p.timestamp()));
        m.put("score", p.score());
        m.put("category", p.category());
        m.put("signals", p.signals());
        return m;
    }

    private static Map<String, Object> anomaly(AnomalyStore.StoredAnomaly a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anomaly_id", a.anomalyId());
        m.put("timestamp", Timestamps.format(a.timestamp()));
        m.put("type", a.type());
        m.put("severity", a.severity());
        m.put("anomaly_score", a.anomalyScore());
        m.put("current_engagement", a.currentEngagement());
        m.put("expected_engagement", a.expectedEngagement());
        m.put("deviation", a.deviation());
        return m;
    }
}

package com.engagementconductor.api;

import com.engagementconductor.agent.AgentQueries;
import com.engagementconductor.anomaly.AnomalyStore;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.scoring.EngagementMetrics;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionProblems.SessionNotFound;
import com.engagementconductor.signals.Sessions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The intervention report of a session as a JSON or CSV download (contracts §4.15). */
@RestController
class ExportController {
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Sessions sessions;
    private final AgentQueries decisions;
    private final Interventions interventions;
    private final EngagementMetrics metrics;
    private final AnomalyStore anomalies;
    private final InstantSource clock;
    private final JsonMapper json;

    ExportController(
            Sessions sessions,
            AgentQueries decisions,
            Interventions interventions,
            EngagementMetrics metrics,
            AnomalyStore anomalies,
            InstantSource clock,
            JsonMapper json) {
        this.sessions = sessions;
        this.decisions = decisions;
        this.interventions = interventions;
        this.metrics = metrics;
        this.anomalies = anomalies;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/api/v1/sessions/{sessionId}/export")
    @Access(Access.Level.READ)
    ResponseEntity<byte[]> export(
            Caller caller,
            @PathVariable String sessionId,
            @RequestParam(name = "format", required = false) @Nullable String requested) {
        Bodies.pathId("session_id", sessionId);
        String format = requested == null ? "json" : requested;
        if (!format.equals("json") && !format.equals("csv")) {
            throw InvalidInput.of("format", "must be json or csv");
        }
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new SessionNotFound(sessionId));
        if (!caller.owns(session.orgId())) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
        SessionReport report = report(session);
        boolean csv = format.equals("csv");
        byte[] body = csv ? report.toCsv().getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(report.toJson());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(csv ? CSV : MediaType.APPLICATION_JSON);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("intervention-report-" + sessionId + "." + format)
                .build());
        return ResponseEntity.ok().headers(headers).body(body);
    }

    private SessionReport report(SessionInfo session) {
        Map<String, Long> byType = new LinkedHashMap<>();
        anomalies
                .since(session.id(), Instant.EPOCH, Integer.MAX_VALUE)
                .forEach(a -> byType.merge(a.type(), 1L, Long::sum));
        return new SessionReport(
                clock.instant(),
                session.id(),
                session.eventId(),
                SessionReport.rows(decisions.allDecisions(session.id()), interventions.allForSession(session.id())),
                byType,
                metrics.range(session.id()));
    }
}

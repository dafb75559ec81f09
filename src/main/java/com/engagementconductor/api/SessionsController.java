package com.engagementconductor.api;

import com.engagementconductor.agent.AgentQueries;
import com.engagementconductor.scoring.LatestScores;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionStore;
import com.engagementconductor.signals.Sessions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Registering, listing and ending sessions (contracts §4.3–§4.5). */
@RestController
@RequestMapping("/api/v1/agent/sessions")
class SessionsController {
    private final Sessions sessions;
    private final LatestScores scores;
    private final AgentQueries queries;
    private final InstantSource clock;

    SessionsController(Sessions sessions, LatestScores scores, AgentQueries queries, InstantSource clock) {
        this.sessions = sessions;
        this.scores = scores;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/register")
    @Access(Access.Level.WRITE)
    ResponseEntity<Map<String, Object>> register(
            Caller caller, @RequestBody(required = false) @Nullable JsonNode body) {
        Bodies b = Bodies.of(body, true);
        String eventId = b.id("event_id", true);
        String sessionId = b.id("session_id", true);
        String orgId = b.id("org_id", false);
        String title = b.string("title", false, 200);
        String topic = b.string("topic", false, 200);
        String metadata = b.object("metadata", 8 * 1024);
        b.validate();
        Sessions.Registration r =
                sessions.register(caller, required(sessionId), required(eventId), orgId, title, topic, metadata);
        SessionInfo s = r.session();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", s.id());
        out.put("event_id", s.eventId());
        out.put("org_id", s.orgId());
        out.put("agent_mode", s.mode());
        out.put("registered_at", Timestamps.format(s.createdAt()));
        out.put("message", "Session " + s.id() + " registered with agent orchestrator");
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(out);
    }

    @GetMapping
    @Access(Access.Level.READ)
    Map<String, Object> list(
            Caller caller,
            @RequestParam(name = "event_id", required = false) @Nullable String eventId,
            @RequestParam(name = "active", defaultValue = "true") String active,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "org_id", required = false) @Nullable String orgId) {
        if (eventId != null) {
            Bodies.pathId("event_id", eventId);
        }
        if (orgId != null) {
            Bodies.pathId("org_id", orgId);
        }
        Boolean activeFilter =
                switch (active) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "all" -> null;
                    default -> throw InvalidInput.of("active", "must be true, false or all");
                };
        Bodies.range("limit", limit, 1, 200);
        Bodies.range("offset", offset, 0, Integer.MAX_VALUE);
        SessionStore.Page page = sessions.list(caller, orgId, eventId, activeFilter, limit, offset);
        List<Map<String, Object>> items =
                page.sessions().stream().map(this::item).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("sessions", items);
        return out;
    }

    @DeleteMapping("/{sessionId}")
    @Access(Access.Level.WRITE)
    Map<String, Object> end(Caller caller, @PathVariable String sessionId) {
        Bodies.pathId("session_id", sessionId);
        Instant at = sessions.end(caller, sessionId)
                .map(s -> s.endedAt() != null ? s.endedAt() : clock.instant())
                .orElseGet(clock::instant);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", sessionId);
        out.put("unregistered_at", Timestamps.format(at));
        out.put("message", "Session " + sessionId + " unregistered from agent orchestrator");
        return out;
    }

    private Map<String, Object> item(SessionInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", s.id());
        m.put("event_id", s.eventId());
        m.put("org_id", s.orgId());
        m.put("title", s.title());
        m.put("mode", s.mode());
        AgentQueries.Summary agent = queries.summary(s.id());
        m.put("status", agent.status());
        m.put("is_active", s.active());
        LatestScores.Latest latest = scores.latest(s.id()).orElse(null);
        m.put("last_score", latest == null ? null : latest.score());
        m.put("last_score_at", latest == null ? null : Timestamps.format(latest.at()));
        m.put("pending_decisions", agent.pendingDecisions());
        m.put("created_at", Timestamps.format(s.createdAt()));
        return m;
    }

    private static String required(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("validated field missing");
        }
        return value;
    }
}

package com.engagementconductor.api;

import com.engagementconductor.agent.AgentMode;
import com.engagementconductor.agent.AgentQueries;
import com.engagementconductor.agent.Approvals;
import com.engagementconductor.agent.Decision;
import com.engagementconductor.agent.DecisionStore;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The agent's session endpoints: mode, status, approve and reject, decisions (contracts §4.1, §4.2, §4.6, §4.7). */
@RestController
@RequestMapping("/api/v1/agent/sessions/{sessionId}")
class AgentController {
    private final Sessions sessions;
    private final AgentQueries queries;
    private final Approvals approvals;
    private final Interventions interventions;
    private final InstantSource clock;

    AgentController(
            Sessions sessions,
            AgentQueries queries,
            Approvals approvals,
            Interventions interventions,
            InstantSource clock) {
        this.sessions = sessions;
        this.queries = queries;
        this.approvals = approvals;
        this.interventions = interventions;
        this.clock = clock;
    }

    @PutMapping("/mode")
    @Access(Access.Level.WRITE)
    Map<String, Object> mode(
            Caller caller, @PathVariable String sessionId, @RequestBody(required = false) @Nullable JsonNode body) {
        Bodies.pathId("session_id", sessionId);
        Bodies b = Bodies.of(body, true);
        String mode = b.string("mode", true, 20);
        if (mode != null && AgentMode.parse(mode).isEmpty()) {
            b.reject("mode", "must be one of MANUAL, SEMI_AUTO, AUTO");
        }
        String eventId = b.id("event_id", false);
        b.validate();
        SessionInfo s = sessions.setMode(caller, sessionId, eventId, java.util.Objects.requireNonNull(mode));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", s.id());
        out.put("mode", s.mode());
        out.put("changed_at", Timestamps.format(clock.instant()));
        out.put("message", "Agent mode changed to " + s.mode());
        return out;
    }

    @GetMapping("/status")
    @Access(Access.Level.READ)
    Map<String, Object> status(Caller caller, @PathVariable String sessionId) {
        Bodies.pathId("session_id", sessionId);
        AgentQueries.StatusView v = queries.status(caller, sessionId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", v.sessionId());
        out.put("mode", v.mode());
        out.put("status", v.status());
        out.put("last_activity", v.lastActivity() == null ? null : Timestamps.format(v.lastActivity()));
        Decision current = v.current();
        out.put("confidence_score", current == null ? null : current.posteriorMean());
        if (current == null) {
            out.put("current_decision", null);
        } else {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("decision_id", current.id().toString());
            c.put("intervention_type", current.type().name());
            c.put("confidence", current.posteriorMean());
            c.put("reasoning", current.reasoning());
            c.put("requires_approval", !current.autoApproved());
            out.put("current_decision", c);
        }
        out.put("is_active", v.active());
        Decision pending = v.pending();
        out.put(
                "pending_decision",
                pending == null
                        ? null
                        : Map.of(
                                "decision_id",
                                pending.id().toString(),
                                "expires_at",
                                Timestamps.format(java.util.Objects.requireNonNull(pending.expiresAt()))));
        if (v.eventId() != null) {
            out.put("event_id", v.eventId());
            out.put("org_id", v.orgId());
        }
        return out;
    }

    @PostMapping("/decisions/{decisionId}/approve")
    @Access(Access.Level.WRITE)
    Map<String, Object> approve(Caller caller, @PathVariable String sessionId, @PathVariable String decisionId) {
        Bodies.pathId("session_id", sessionId);
        Approvals.Approved a = approvals.approve(caller, sessionId, uuid(decisionId));
        Map<String, Object> result = new LinkedHashMap<>();
        boolean executing = a.interventionId() != null || a.awaitingContent();
        result.put("success", executing);
        result.put(
                "intervention_id",
                a.interventionId() == null ? null : a.interventionId().toString());
        result.put(
                "status",
                a.interventionId() != null ? "DISPATCHED" : a.awaitingContent() ? "GENERATING" : "NOT_EXECUTED");
        result.put("result", null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", sessionId);
        out.put("decision_id", a.decisionId().toString());
        out.put("approved_at", Timestamps.format(a.approvedAt()));
        out.put("execution_result", result);
        out.put(
                "message",
                a.interventionId() != null
                        ? "Decision approved; intervention dispatched"
                        : a.awaitingContent()
                                ? "Decision approved; intervention dispatches once its content is generated"
                                : "Decision approved; intervention not executed");
        return out;
    }

    @PostMapping("/decisions/{decisionId}/reject")
    @Access(Access.Level.WRITE)
    Map<String, Object> reject(
            Caller caller,
            @PathVariable String sessionId,
            @PathVariable String decisionId,
            @RequestParam(name = "reason", required = false) @Nullable String queryReason,
            @RequestBody(required = false) @Nullable JsonNode body) {
        Bodies.pathId("session_id", sessionId);
        UUID id = uuid(decisionId);
        Bodies b = Bodies.of(body, false);
        String bodyReason = b.string("reason", false, 500);
        b.validate();
        String reason = bodyReason != null ? bodyReason : queryReason;
        if (reason != null && reason.length() > 500) {
            throw InvalidInput.of("reason", "must be at most 500 characters");
        }
        Approvals.Rejected r = approvals.reject(caller, sessionId, id, reason);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", sessionId);
        out.put("decision_id", r.decisionId().toString());
        out.put("rejected_at", Timestamps.format(r.rejectedAt()));
        out.put("reason", r.reason());
        out.put("message", "Decision rejected");
        return out;
    }

    @GetMapping("/decisions")
    @Access(Access.Level.READ)
    Map<String, Object> decisions(
            Caller caller,
            @PathVariable String sessionId,
            @RequestParam(name = "state", defaultValue = "pending") String state,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            @RequestParam(name = "offset", defaultValue = "0") int offset) {
        Bodies.pathId("session_id", sessionId);
        if (!state.equals("pending") && !state.equals("all")) {
            throw InvalidInput.of("state", "must be pending or all");
        }
        Bodies.range("limit", limit, 1, 200);
        Bodies.range("offset", offset, 0, Integer.MAX_VALUE);
        DecisionStore.Page page = queries.decisions(caller, sessionId, state.equals("all"), limit, offset);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", sessionId);
        out.put("total", page.total());
        out.put("decisions", page.decisions().stream().map(this::decision).toList());
        return out;
    }

    private Map<String, Object> decision(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision_id", d.id().toString());
        m.put("created_at", Timestamps.format(d.createdAt()));
        m.put("expires_at", d.expiresAt() == null ? null : Timestamps.format(d.expiresAt()));
        m.put("intervention_type", d.type().name());
        m.put("context_key", d.contextKey());
        m.put("confidence", d.posteriorMean());
        m.put("posterior_mean", d.posteriorMean());
        m.put("probability_best", d.probabilityBest());
        m.put("reasoning", d.reasoning());
        m.put("content_preview", d.content());
        m.put("state", d.resolution().name());
        m.put("resolved_at", d.resolvedAt() == null ? null : Timestamps.format(d.resolvedAt()));
        m.put("resolved_by", d.resolvedBy());
        m.put(
                "intervention_id",
                interventions.forDecision(d.id()).map(id -> id.toString()).orElse(null));
        return m;
    }

    private static UUID uuid(String value) {
        return Bodies.uuid("decision_id", value);
    }
}

package com.engagementconductor.api;

import com.engagementconductor.agent.ManualInterventions;
import com.engagementconductor.intervention.InterventionPage;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Manual interventions, history and stats (contracts §4.9–§4.12). */
@RestController
@RequestMapping("/api/v1/interventions")
class InterventionsController {
    private final ManualInterventions manual;
    private final Interventions interventions;
    private final Sessions sessions;
    private final InstantSource clock;
    private final JsonMapper json;

    InterventionsController(
            ManualInterventions manual,
            Interventions interventions,
            Sessions sessions,
            InstantSource clock,
            JsonMapper json) {
        this.manual = manual;
        this.interventions = interventions;
        this.sessions = sessions;
        this.clock = clock;
        this.json = json;
    }

    @PostMapping("/manual")
    @Access(Access.Level.WRITE)
    Map<String, Object> trigger(Caller caller, @RequestBody(required = false) @Nullable JsonNode body) {
        Bodies b = Bodies.of(body, true);
        String sessionId = b.id("session_id", true);
        String eventId = b.id("event_id", true);
        String typeName = b.string("intervention_type", true, 50);
        String reason = b.string("reason", true, 500);
        String context = b.object("context", 8 * 1024);
        InterventionType type = null;
        if (typeName != null) {
            try {
                type = InterventionType.parse(typeName);
            } catch (IllegalArgumentException e) {
                b.reject(
                        "intervention_type",
                        "must be one of POLL, BROADCAST, NOTIFICATION, GAMIFICATION (or CHAT_PROMPT)");
            }
        }
        b.validate();
        Map<String, Object> contextMap =
                context == null ? null : json.readValue(context, new TypeReference<Map<String, Object>>() {});
        ManualInterventions.Triggered t = manual.trigger(
                caller,
                java.util.Objects.requireNonNull(sessionId),
                java.util.Objects.requireNonNull(eventId),
                java.util.Objects.requireNonNull(type),
                java.util.Objects.requireNonNull(reason),
                contextMap);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", "DISPATCHED");
        details.put("intervention_type", t.type().name());
        details.put("content_source", t.contentSource());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("intervention_id", t.interventionId().toString());
        out.put("message", t.type().name() + " intervention triggered successfully");
        out.put("details", details);
        return out;
    }

    @GetMapping("/history/{sessionId}")
    @Access(Access.Level.READ)
    Map<String, Object> history(
            Caller caller,
            @PathVariable String sessionId,
            @RequestParam(name = "limit", defaultValue = "50") int limit,
            @RequestParam(name = "offset", defaultValue = "0") int offset) {
        Bodies.pathId("session_id", sessionId);
        Bodies.range("limit", limit, 1, 200);
        Bodies.range("offset", offset, 0, Integer.MAX_VALUE);
        authorizeSession(caller, sessionId);
        return interventions.history(sessionId, limit, offset).toBody();
    }

    @GetMapping("/history/event/{eventId}")
    @Access(Access.Level.READ)
    Map<String, Object> eventHistory(
            Caller caller,
            @PathVariable String eventId,
            @RequestParam(name = "hours", defaultValue = "24") int hours,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        Bodies.pathId("event_id", eventId);
        Bodies.range("hours", hours, 1, 168);
        Bodies.range("limit", limit, 1, 500);
        Optional<String> org = sessions.orgOfEvent(eventId);
        if (org.isPresent() && !caller.owns(org.get())) {
            throw new AccessDenied("event " + eventId + " belongs to another organization");
        }
        InterventionPage page =
                interventions.historyForEvent(eventId, clock.instant().minus(Duration.ofHours(hours)), limit);
        return page.toBody();
    }

    @GetMapping("/stats/{sessionId}")
    @Access(Access.Level.READ)
    Map<String, Object> stats(Caller caller, @PathVariable String sessionId) {
        Bodies.pathId("session_id", sessionId);
        authorizeSession(caller, sessionId);
        return interventions.stats(sessionId).toBody();
    }

    private void authorizeSession(Caller caller, String sessionId) {
        Optional<SessionInfo> s = sessions.find(sessionId);
        if (s.isPresent() && !caller.owns(s.get().orgId())) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
    }
}

package com.engagementconductor.api;

import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionProblems.SessionNotFound;
import com.engagementconductor.signals.SessionProblems.SessionNotLive;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalBatchDecoder;
import com.engagementconductor.signals.SignalIngestion;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** HTTP batch ingestion of signals (contracts §4.14): validated in full before anything is applied. */
@RestController
class SignalsController {
    private final Sessions sessions;
    private final SignalIngestion ingestion;
    private final InstantSource clock;

    SignalsController(Sessions sessions, SignalIngestion ingestion, InstantSource clock) {
        this.sessions = sessions;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    @PostMapping("/api/v1/sessions/{sessionId}/signals")
    @Access(Access.Level.WRITE)
    ResponseEntity<Map<String, Object>> ingest(
            Caller caller, @PathVariable String sessionId, @RequestBody(required = false) @Nullable JsonNode body) {
        Bodies.pathId("session_id", sessionId);
        List<Signal> signals = SignalBatchDecoder.decode(sessionId, body, clock.instant());
        SessionInfo session = sessions.find(sessionId).orElseThrow(() -> new SessionNotFound(sessionId));
        if (!caller.owns(session.orgId())) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
        if (!session.active()) {
            throw new SessionNotLive(sessionId);
        }
        int accepted = ingestion.accept(sessionId, signals, SignalIngestion.Source.HTTP);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("session_id", sessionId, "accepted", accepted));
    }
}

package com.engagementconductor.api;

import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionProblems.SessionNotLive;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.simulation.Scenario;
import com.engagementconductor.simulation.Simulations;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Starting, reading and stopping audience simulations (contracts §4.16). */
@RestController
@RequestMapping("/api/v1/simulations")
class SimulationsController {
    static final int DEFAULT_ATTENDEES = 50;
    static final int DEMO_ATTENDEES = 500;
    static final long DEMO_SEED = 7;

    private final Simulations simulations;
    private final Sessions sessions;
    private final DemoSetup demoSetup;
    private final String executor;
    private final SecureRandom seeds = new SecureRandom();

    SimulationsController(
            Simulations simulations,
            Sessions sessions,
            DemoSetup demoSetup,
            @Value("${conductor.intervention.executor:builtin}") String executor) {
        this.simulations = simulations;
        this.sessions = sessions;
        this.demoSetup = demoSetup;
        this.executor = executor;
    }

    @PostMapping
    @Access(Access.Level.WRITE)
    ResponseEntity<Map<String, Object>> start(Caller caller, @RequestBody(required = false) @Nullable JsonNode body) {
        Bodies b = Bodies.of(body, true);
        String sessionId = b.id("session_id", true);
        String scenario = b.string("scenario", true, 50);
        if (scenario != null && !Scenario.names().contains(scenario)) {
            b.reject("scenario", "must be one of " + String.join(", ", Scenario.names()));
        }
        Long attendees = b.integer("attendees", 1, 2000);
        Double speed = b.number("speed", 0.25, 20);
        Long seed = b.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        String eventId = b.id("event_id", false);
        b.validate();
        boolean demo = Scenario.DEMO.equals(scenario);
        if (speed != null && speed != 1.0) {
            throw InvalidInput.of(
                    "speed", "only real time (1.0) is supported until sessions can run on a simulated clock");
        }
        if (!"builtin".equalsIgnoreCase(executor)) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "simulation_unsupported",
                    "simulations need CONDUCTOR_EXECUTOR=builtin so that their commands never reach the platform");
        }
        String id = java.util.Objects.requireNonNull(sessionId);
        java.util.Optional<SessionInfo> existing = sessions.find(id);
        if (existing.isPresent()) {
            check(caller, existing.get());
        }
        if (demo) {
            demoSetup.prepare(
                    caller,
                    existing.map(SessionInfo::eventId).orElse(eventId != null ? eventId : Sessions.derivedEventId(id)));
        }
        SessionInfo session = existing.orElseGet(() -> sessions.register(
                        caller, id, eventId != null ? eventId : Sessions.derivedEventId(id), null, null, null, null)
                .session());
        check(caller, session);
        Simulations.View v = simulations.start(
                id,
                java.util.Objects.requireNonNull(scenario),
                attendees != null ? attendees.intValue() : demo ? DEMO_ATTENDEES : DEFAULT_ATTENDEES,
                1.0,
                seed != null ? seed : demo ? DEMO_SEED : seeds.nextLong());
        if (demo) {
            demoSetup.started(v.id(), caller);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(view(v, false));
    }

    /** Organization, liveness and one running simulation per session, in the order of contracts §3.5. */
    private void check(Caller caller, SessionInfo session) {
        if (!caller.owns(session.orgId())) {
            throw new AccessDenied("session " + session.id() + " belongs to another organization");
        }
        if (!session.active()) {
            throw new SessionNotLive(session.id());
        }
        if (simulations.running(session.id())) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "simulation_running", "a simulation is already running for " + session.id());
        }
    }

    @GetMapping("/{simulationId}")
    @Access(Access.Level.READ)
    Map<String, Object> get(Caller caller, @PathVariable String simulationId) {
        Simulations.View v = simulations.find(parse(simulationId)).orElseThrow(() -> notFound(simulationId));
        authorize(caller, v);
        return view(v, true);
    }

    @DeleteMapping("/{simulationId}")
    @Access(Access.Level.WRITE)
    Map<String, Object> stop(Caller caller, @PathVariable String simulationId) {
        UUID id = parse(simulationId);
        Simulations.View existing = simulations.find(id).orElseThrow(() -> notFound(simulationId));
        authorize(caller, existing);
        Simulations.View v = simulations.stop(id).orElseThrow(() -> notFound(simulationId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("simulation_id", v.id().toString());
        out.put("state", v.state().name());
        out.put("stopped_at", v.endedAt() == null ? null : Timestamps.format(v.endedAt()));
        return out;
    }

    private void authorize(Caller caller, Simulations.View v) {
        String org = sessions.find(v.sessionId()).map(SessionInfo::orgId).orElse(null);
        if (!caller.owns(org)) {
            throw new AccessDenied("simulation of another organization's session");
        }
    }

    private static Map<String, Object> view(Simulations.View v, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("simulation_id", v.id().toString());
        m.put("session_id", v.sessionId());
        m.put("scenario", v.scenario());
        m.put("started_at", Timestamps.format(v.startedAt()));
        m.put("attendees", v.attendees());
        m.put("speed", v.speed());
        m.put("seed", v.seed());
        m.put("state", v.state().name());
        if (full) {
            m.put("ended_at", v.endedAt() == null ? null : Timestamps.format(v.endedAt()));
            m.put("elapsed_seconds", v.elapsedSeconds());
            m.put("signals_emitted", v.signalsEmitted());
        }
        return m;
    }

    private static UUID parse(String id) {
        return Bodies.uuid("simulation_id", id);
    }

    private static ApiProblem notFound(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "simulation_not_found", "no simulation " + id);
    }
}

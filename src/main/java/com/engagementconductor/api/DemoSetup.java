package com.engagementconductor.api;

import com.engagementconductor.agent.AgentMode;
import com.engagementconductor.agent.EventSettingsService;
import com.engagementconductor.agent.SettingsPatch;
import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.BanditStatistics;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.Evidence;
import com.engagementconductor.decision.Scope;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.simulation.Scenario;
import com.engagementconductor.simulation.SimulationEnded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the demo scenario does around its simulation (behaviour R8.5, contracts §4.16): before it starts, the demo
 * event's settings become {@code agent_mode} SEMI_AUTO and {@code allowed_interventions} [POLL], and POLL is
 * pre-loaded at Beta(12.5, 3.5) (posterior mean 0.78 over 14 attempts) in every {@code SUDDEN_DROP} context of the
 * event, so the agent's poll is auto-approved; when the demo ends (or is stopped) its session is ended, so its
 * silent simulated room raises nothing afterwards.
 */
@Component
class DemoSetup {
    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    /** Beta(12.5, 3.5): evidence 11.5 and 2.5 over 14 attempts. */
    static final double PRELOAD_A = 11.5;

    static final double PRELOAD_B = 2.5;
    static final long PRELOAD_ATTEMPTS = 14;
    static final String ANOMALY_TYPE = "SUDDEN_DROP";

    private final EventSettingsService settings;
    private final BanditStatistics statistics;
    private final Sessions sessions;
    private final Map<UUID, Caller> running = new ConcurrentHashMap<>();

    DemoSetup(EventSettingsService settings, BanditStatistics statistics, Sessions sessions) {
        this.settings = settings;
        this.statistics = statistics;
        this.sessions = sessions;
    }

    /**
     * Writes the demo event's settings and the pre-load. Runs before the session is created, so a new session
     * takes the event's SEMI_AUTO mode; an existing session keeps its own mode (in MANUAL the presenter approves).
     *
     * @throws com.engagementconductor.shared.AccessDenied when the event belongs to another organization
     */
    void prepare(Caller caller, String eventId) {
        settings.update(
                caller,
                eventId,
                new SettingsPatch(
                        null,
                        AgentMode.SEMI_AUTO,
                        null,
                        null,
                        Optional.of(Set.of(InterventionType.POLL)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        statistics.replaceEvidence(Scope.event(eventId), preload());
    }

    /** POLL at Beta(12.5, 3.5) in each of the 27 full {@code SUDDEN_DROP} contexts. */
    static List<Evidence> preload() {
        List<Evidence> evidence = new ArrayList<>();
        for (ContextKey.EngagementBucket engagement : ContextKey.EngagementBucket.values()) {
            for (ContextKey.SizeBucket size : ContextKey.SizeBucket.values()) {
                for (ContextKey.DeviationBucket deviation : ContextKey.DeviationBucket.values()) {
                    String key = new ContextKey(ANOMALY_TYPE, engagement, size, deviation).value();
                    evidence.add(new Evidence(key, Arm.POLL, PRELOAD_A, PRELOAD_B, PRELOAD_ATTEMPTS));
                }
            }
        }
        return evidence;
    }

    /** Remembers who started a demo run, to end its session in that caller's name when the run ends. */
    void started(UUID simulationId, Caller caller) {
        running.put(simulationId, caller);
    }

    @EventListener
    void on(SimulationEnded ended) {
        Caller caller = running.remove(ended.simulationId());
        if (caller == null || !Scenario.DEMO.equals(ended.scenario())) {
            return;
        }
        try {
            sessions.end(caller, ended.sessionId());
        } catch (RuntimeException e) {
            log.warn("the demo session {} could not be ended: {}", ended.sessionId(), e.toString());
        }
    }
}

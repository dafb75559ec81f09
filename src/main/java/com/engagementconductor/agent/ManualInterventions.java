package com.engagementconductor.agent;

import com.engagementconductor.agent.AgentProblems.InterventionBlocked;
import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.content.InterventionKind;
import com.engagementconductor.content.ManualOverrides;
import com.engagementconductor.intervention.InterventionCommand;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.Uuids;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionProblems.SessionConflict;
import com.engagementconductor.signals.Sessions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Interventions an organizer triggers directly (R5.14, contracts §4.9): they obey the allowed arms, cooldowns
 * and rate limits like an approval, take a slot, start the cooldown, and are measured but teach the bandit
 * nothing. They ignore only {@code agent_enabled}.
 */
@Service
public class ManualInterventions {
    private final Sessions sessions;
    private final EventSettingsService settings;
    private final InterventionLimits limits;
    private final Interventions interventions;
    private final AgentRuntime runtime;
    private final ContentFactory content;
    private final RandomGenerator ids;
    private final InstantSource clock;

    ManualInterventions(
            Sessions sessions,
            EventSettingsService settings,
            InterventionLimits limits,
            Interventions interventions,
            AgentRuntime runtime,
            ContentFactory content,
            @Qualifier("decisionIds") RandomGenerator ids,
            InstantSource clock) {
        this.sessions = sessions;
        this.settings = settings;
        this.limits = limits;
        this.interventions = interventions;
        this.runtime = runtime;
        this.content = content;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a manual intervention did. */
    public record Triggered(UUID interventionId, InterventionType type, String contentSource) {}

    /**
     * Triggers one; {@code context} holds optional content overrides (validated, 400 naming the field).
     *
     * @throws InterventionBlocked when the allowed arms, a cooldown or a rate limit forbid it now
     */
    public Triggered trigger(
            Caller caller,
            String sessionId,
            String eventId,
            InterventionType type,
            String reason,
            @Nullable Map<String, ?> context) {
        Optional<InterventionContent> provided = ManualOverrides.read(InterventionKind.parse(type.name()), context);
        SessionInfo session = sessions.find(sessionId).orElse(null);
        if (session == null) {
            session = sessions.setMode(caller, sessionId, eventId, Sessions.DEFAULT_MODE);
        } else {
            if (!caller.owns(session.orgId())) {
                throw new AccessDenied("session " + sessionId + " belongs to another organization");
            }
            if (!session.eventId().equals(eventId) && !session.eventProvisional()) {
                throw new SessionConflict(sessionId, session.eventId(), eventId);
            }
        }
        SessionInfo s = session;
        return runtime.call(sessionId, agent -> {
            Instant now = clock.instant();
            EventSettings event = settings.effective(s.eventId());
            InterventionContent produced = provided.orElseGet(() -> agent.map(a -> content.produce(
                            a,
                            type,
                            a.anomaly != null ? a.anomaly.report.type().name() : "SUDDEN_DROP",
                            a.anomaly != null ? a.anomaly.report.severity().name() : "WARNING",
                            a.ticks.isEmpty() ? 0.0 : a.ticks.peekLast().published(),
                            null,
                            now))
                    .orElseGet(() -> content.produce(
                            new SessionAgent(sessionId, s.eventId(), s.orgId(), AgentMode.MANUAL),
                            type,
                            "SUDDEN_DROP",
                            "WARNING",
                            0.0,
                            null,
                            now)));
            Instant busyUntil = produced instanceof com.engagementconductor.content.GamificationContent g
                    ? now.plusSeconds(60L * g.durationMinutes())
                    : null;
            limits.tryConsume(
                            sessionId,
                            s.eventId(),
                            type,
                            event.allowed(),
                            event.maxInterventionsPerHour(),
                            now,
                            busyUntil)
                    .ifPresent(b -> {
                        throw new InterventionBlocked(b.reason(), b.retryAfterSeconds());
                    });
            UUID id = Uuids.random(ids);
            interventions.dispatch(new InterventionCommand(
                    id,
                    null,
                    sessionId,
                    s.eventId(),
                    type,
                    null,
                    reason,
                    null,
                    null,
                    produced,
                    "template",
                    0,
                    true,
                    caller.subject(),
                    null,
                    context,
                    null,
                    now));
            agent.ifPresent(a -> a.executions.addLast(now));
            return new Triggered(id, type, provided.isPresent() ? "provided" : "template");
        });
    }
}

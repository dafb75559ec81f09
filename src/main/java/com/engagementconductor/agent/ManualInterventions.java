package com.engagementconductor.agent;

import com.engagementconductor.agent.AgentProblems.InterventionBlocked;
import com.engagementconductor.content.Generation;
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

    private static SessionAgent scratch(String sessionId, SessionInfo s) {
        return new SessionAgent(sessionId, s.eventId(), s.orgId(), AgentMode.MANUAL);
    }

    private static String anomalyType(SessionAgent a) {
        return a.anomaly != null ? a.anomaly.report.type().name() : "SUDDEN_DROP";
    }

    private static String severity(SessionAgent a) {
        return a.anomaly != null ? a.anomaly.report.severity().name() : "WARNING";
    }

    private static double score(SessionAgent a) {
        return a.ticks.isEmpty() ? 0.0 : a.ticks.peekLast().published();
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
        ContentFactory.Prepared prepared = null;
        Generation generation = null;
        if (provided.isEmpty() && content.generated()) {
            // refuse before paying for content; read the prompt inputs on the lane, generate off it (R5.11)
            ContentFactory.Prepared onLane = runtime.call(sessionId, agent -> {
                Instant now = clock.instant();
                EventSettings event = settings.effective(s.eventId());
                limits.check(sessionId, s.eventId(), type, event.allowed(), event.maxInterventionsPerHour(), now)
                        .ifPresent(b -> {
                            throw new InterventionBlocked(b.reason(), b.retryAfterSeconds());
                        });
                SessionAgent a = agent.orElseGet(() -> scratch(sessionId, s));
                return content.prepare(a, type, anomalyType(a), severity(a), score(a), null, now);
            });
            prepared = onLane;
            generation = content.start(onLane).join(); // completes within the chain's overall timeout
        }
        ContentFactory.Prepared generating = prepared;
        Generation generated = generation;
        return runtime.call(sessionId, agent -> {
            Instant now = clock.instant();
            EventSettings event = settings.effective(s.eventId());
            SessionAgent a = agent.orElseGet(() -> scratch(sessionId, s));
            Produced made = provided.isPresent()
                    ? null
                    : generating != null && generated != null
                            ? content.finish(a, generating, generated)
                            : content.produceNow(a, type, anomalyType(a), severity(a), score(a), null, now);
            InterventionContent produced = made == null ? provided.get() : made.content();
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
                    made == null ? "template" : made.method(),
                    made == null ? 0 : made.latencyMs(),
                    true,
                    caller.subject(),
                    null,
                    context,
                    made == null ? null : made.details(),
                    now));
            agent.ifPresent(live -> {
                live.executions.addLast(now);
                live.addIntervention(Act.describe(type.name(), now, produced));
            });
            String source = made == null ? "provided" : made.generation().needsTemplate() ? "template" : "generated";
            return new Triggered(id, type, source);
        });
    }
}

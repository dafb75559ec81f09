package com.engagementconductor.agent;

import com.engagementconductor.agent.AgentProblems.DecisionNotFound;
import com.engagementconductor.agent.AgentProblems.InterventionBlocked;
import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmCounter;
import com.engagementconductor.decision.ArmCounters;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.LiveSessions;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionProblems.SessionNotLive;
import com.engagementconductor.signals.Sessions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Approve and reject by decision id (R5.8, contracts §4.6). The checks and the resolution run on the session's
 * lane, so concurrent calls are serialised; the store's conditional update decides between nodes.
 */
@Service
public class Approvals {
    private final AgentRuntime runtime;
    private final DecisionStore store;
    private final DecisionRecords records;
    private final Sessions sessions;
    private final LiveSessions live;
    private final EventSettingsService settings;
    private final InterventionLimits limits;
    private final ArmCounters counters;
    private final StatusOwner status;
    private final PendingContents contents;
    private final InstantSource clock;

    Approvals(
            AgentRuntime runtime,
            DecisionStore store,
            DecisionRecords records,
            Sessions sessions,
            LiveSessions live,
            EventSettingsService settings,
            InterventionLimits limits,
            ArmCounters counters,
            StatusOwner status,
            PendingContents contents,
            InstantSource clock) {
        this.runtime = runtime;
        this.store = store;
        this.records = records;
        this.sessions = sessions;
        this.live = live;
        this.settings = settings;
        this.limits = limits;
        this.counters = counters;
        this.status = status;
        this.contents = contents;
        this.clock = clock;
    }

    /** What an approval did. */
    /**
     * What an approval did; {@code awaitingContent} when the decision executes as soon as its content is generated
     * (the answer never waits for it).
     */
    public record Approved(
            UUID decisionId, Instant approvedAt, @Nullable UUID interventionId, boolean awaitingContent) {}

    /** What a rejection did. */
    public record Rejected(UUID decisionId, Instant rejectedAt, @Nullable String reason) {}

    public Approved approve(Caller caller, String sessionId, UUID decisionId) {
        authorize(caller, sessionId, decisionId);
        return runtime.call(sessionId, agent -> {
            Decision d = current(sessionId, decisionId, agent);
            Instant now = clock.instant();
            if (agent.isEmpty() || live.get(sessionId).isEmpty() || live.idle(sessionId, now)) {
                if (records.resolve(d, Resolution.CANCELLED, now, "system", null)) {
                    d.resolve(Resolution.CANCELLED, now, "system", null);
                }
                agent.ifPresent(a -> {
                    a.pending = null;
                    status.settle(a, now);
                });
                contents.remove(d.id());
                throw new SessionNotLive(sessionId);
            }
            EventSettings event = settings.effective(d.eventId());
            limits.check(sessionId, d.eventId(), d.type(), event.allowed(), event.maxInterventionsPerHour(), now)
                    .ifPresent(b -> {
                        throw new InterventionBlocked(b.reason(), b.retryAfterSeconds());
                    });
            if (!records.resolve(d, Resolution.APPROVED, now, caller.subject(), null)) {
                Resolution state =
                        store.find(decisionId).map(Decision::resolution).orElse(Resolution.PENDING);
                throw new DecisionNotPending(decisionId, state);
            }
            d.resolve(Resolution.APPROVED, now, caller.subject(), null);
            counters.increment(
                    ScopeChain.of(agent.get().orgId, agent.get().eventId),
                    ContextKey.parse(d.contextKey()),
                    Arm.valueOf(d.type().name()),
                    ArmCounter.ACCEPTED);
            AgentPass pass = runtime.executeApproved(agent.get(), d, caller.subject());
            return new Approved(decisionId, now, pass.interventionId, pass.awaitingContent);
        });
    }

    public Rejected reject(Caller caller, String sessionId, UUID decisionId, @Nullable String reason) {
        authorize(caller, sessionId, decisionId);
        return runtime.call(sessionId, agent -> {
            Decision d = current(sessionId, decisionId, agent);
            Instant now = clock.instant();
            if (!records.resolve(d, Resolution.REJECTED, now, caller.subject(), reason)) {
                Resolution state =
                        store.find(decisionId).map(Decision::resolution).orElse(Resolution.PENDING);
                throw new DecisionNotPending(decisionId, state);
            }
            d.resolve(Resolution.REJECTED, now, caller.subject(), reason);
            contents.remove(d.id());
            String org = agent.map(a -> a.orgId).orElse(null);
            counters.increment(
                    ScopeChain.of(org, d.eventId()),
                    ContextKey.parse(d.contextKey()),
                    Arm.valueOf(d.type().name()),
                    ArmCounter.REJECTED);
            agent.ifPresent(a -> {
                if (a.pending != null && a.pending.id().equals(decisionId)) {
                    a.pending = null;
                }
                status.settle(a, now);
            });
            return new Rejected(decisionId, now, reason);
        });
    }

    /** 404 for an unknown decision or one of another session, then 403 for another organization's session. */
    private void authorize(Caller caller, String sessionId, UUID decisionId) {
        Optional<Decision> d = store.find(decisionId);
        if (d.isEmpty() || !d.get().sessionId().equals(sessionId)) {
            throw new DecisionNotFound(decisionId);
        }
        String org = sessions.find(sessionId).map(SessionInfo::orgId).orElse(null);
        if (!caller.owns(org)) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
    }

    /** The decision as the agent holds it (the same object when pending there), else as stored; 409 unless pending. */
    private Decision current(String sessionId, UUID decisionId, Optional<SessionAgent> agent) {
        Decision held =
                agent.map(a -> a.pending).filter(p -> p.id().equals(decisionId)).orElse(null);
        Decision d = held != null ? held : store.find(decisionId).orElseThrow(() -> new DecisionNotFound(decisionId));
        if (!d.sessionId().equals(sessionId)) {
            throw new DecisionNotFound(decisionId);
        }
        if (!d.resolution().pending()) {
            throw new DecisionNotPending(decisionId, d.resolution());
        }
        return d;
    }
}

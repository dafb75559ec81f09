package com.engagementconductor.agent;

import com.engagementconductor.anomaly.AnomalyEvents.AnomalyCleared;
import com.engagementconductor.anomaly.AnomalyEvents.AnomalyDetected;
import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmCounter;
import com.engagementconductor.decision.ArmCounters;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.intervention.InterventionExecuted;
import com.engagementconductor.scoring.EngagementScored;
import com.engagementconductor.shared.SessionLanes;
import com.engagementconductor.signals.SessionEvents.SessionEnded;
import com.engagementconductor.signals.SessionEvents.SessionModeChanged;
import com.engagementconductor.signals.SessionEvents.SessionReleased;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The agents of the live sessions on this node: one {@link SessionAgent} per session, driven only on its lane by
 * ticks, anomalies, outcomes, approvals, mode and settings changes, each as a pass through the chain.
 */
@Component
class AgentRuntime {
    private final ConcurrentHashMap<String, SessionAgent> agents = new ConcurrentHashMap<>();
    private final AgentChain chain;
    private final Sessions sessions;
    private final SessionLanes lanes;
    private final StatusOwner status;
    private final DecisionRecords records;
    private final DecisionStore decisions;
    private final ArmCounters counters;
    private final PendingContents contents;
    private final AgentRecovery recovery;
    private final InstantSource clock;

    AgentRuntime(
            AgentChain chain,
            Sessions sessions,
            SessionLanes lanes,
            StatusOwner status,
            DecisionRecords records,
            DecisionStore decisions,
            ArmCounters counters,
            PendingContents contents,
            AgentRecovery recovery,
            InstantSource clock,
            MeterRegistry meters) {
        this.recovery = recovery;
        Gauge.builder("conductor.active_sessions", agents, Map::size)
                .description("live sessions whose agent runs on this node")
                .register(meters);
        Gauge.builder("conductor.pending_decisions", this, AgentRuntime::pendingDecisions)
                .description("decisions waiting for an organizer on this node")
                .register(meters);
        this.chain = chain;
        this.sessions = sessions;
        this.lanes = lanes;
        this.status = status;
        this.records = records;
        this.decisions = decisions;
        this.counters = counters;
        this.contents = contents;
        this.clock = clock;
    }

    /** Sessions whose agent runs on this node. */
    int liveAgents() {
        return agents.size();
    }

    /** Decisions waiting for an organizer on this node (read off the lanes: a moment's staleness is fine). */
    int pendingDecisions() {
        int n = 0;
        for (SessionAgent agent : agents.values()) {
            if (agent.pending != null) {
                n++;
            }
        }
        return n;
    }

    /** The agent of a session, if it is live here. */
    Optional<SessionAgent> agent(String sessionId) {
        return Optional.ofNullable(agents.get(sessionId));
    }

    /** Runs a task on a session's lane with its agent (created when the session is known). */
    void onLane(String sessionId, java.util.function.Consumer<SessionAgent> task) {
        lanes.execute(sessionId, () -> agentFor(sessionId).ifPresent(task));
    }

    /** Runs an approval pass for a decision the organizer approved (already resolved in the store). */
    AgentPass executeApproved(SessionAgent agent, Decision approved, String by) {
        AgentPass pass = new AgentPass(agent, clock.instant(), AgentPass.Trigger.APPROVAL, null, null);
        pass.decision = approved;
        pass.approvedBy = by;
        if (agent.pending != null && agent.pending.id().equals(approved.id())) {
            agent.pending = null;
        }
        chain.run(pass);
        return pass;
    }

    /** Runs a task on a session's lane and waits for its result (approvals answer with what happened). */
    <T> T call(String sessionId, java.util.function.Function<Optional<SessionAgent>, T> task) {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        lanes.execute(sessionId, () -> {
            try {
                result.complete(task.apply(agentFor(sessionId)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("session " + sessionId + " did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @EventListener
    void on(EngagementScored scored) {
        agentFor(scored.sessionId()).ifPresent(agent -> {
            AgentPass pass = new AgentPass(agent, scored.at(), AgentPass.Trigger.TICK, scored, null);
            chain.run(pass);
            followUp(agent, scored.at());
        });
    }

    @EventListener
    void on(AnomalyDetected detected) {
        AnomalyReport r = detected.report();
        if (r.kind() != AnomalyReport.Kind.RAISED) {
            return;
        }
        agentFor(detected.sessionId())
                .ifPresent(agent ->
                        chain.run(new AgentPass(agent, r.timestamp(), AgentPass.Trigger.ANOMALY, null, detected)));
    }

    @EventListener
    void on(AnomalyCleared cleared) {
        agentFor(cleared.sessionId()).ifPresent(agent -> agent.anomaly = null);
    }

    @EventListener
    void on(SessionModeChanged changed) {
        lanes.execute(changed.sessionId(), () -> agentFor(changed.sessionId())
                .ifPresent(agent -> status.modeChanged(
                        agent, AgentMode.parse(changed.mode()).orElse(AgentMode.MANUAL), clock.instant())));
    }

    @EventListener
    void on(EventSettingsService.EventSettingsChanged changed) {
        if (changed.settings().agentEnabled()) {
            return;
        }
        for (SessionAgent agent : agents.values()) {
            if (agent.eventId.equals(changed.settings().eventId())) {
                lanes.execute(agent.sessionId, () -> cancelPending(agent, clock.instant()));
            }
        }
    }

    @EventListener
    void on(InterventionExecuted executed) {
        lanes.execute(executed.sessionId(), () -> agentFor(executed.sessionId())
                .ifPresent(agent -> outcome(agent, executed)));
    }

    @EventListener
    void on(SessionEnded ended) {
        lanes.execute(ended.sessionId(), () -> {
            SessionAgent agent = agents.get(ended.sessionId());
            if (agent != null) {
                cancelPending(agent, ended.at());
                status.enter(agent, AgentStatus.IDLE, ended.at());
            }
        });
    }

    @EventListener
    void on(SessionReleased released) {
        SessionAgent agent = agents.remove(released.sessionId());
        if (agent != null && agent.pending != null) {
            contents.remove(agent.pending.id());
        }
    }

    private void outcome(SessionAgent agent, InterventionExecuted executed) {
        Decision d = agent.intervening;
        if (d != null && executed.decisionId() != null && d.id().equals(executed.decisionId())) {
            agent.intervening = null;
        }
        Instant now = clock.instant();
        if (executed.delivered()) {
            boolean manual = executed.decisionId() == null;
            SessionAgent.ActiveAnomaly a = agent.anomaly;
            agent.rewards.add(new SessionAgent.PendingReward(
                    executed.interventionId(),
                    manual ? null : d,
                    d != null ? d.contextKey() : (a != null ? contextOf(agent, a) : "MANUAL_critical_small_moderate"),
                    executed.type().name(),
                    d != null ? d.createdAt() : executed.executedAt(),
                    executed.executedAt(),
                    a != null ? a.onset : null,
                    a != null
                            ? a.expectedDetection
                            : agent.meanDetection(executed.executedAt(), java.time.Duration.ofSeconds(150), 0),
                    true,
                    false,
                    manual));
            status.enter(agent, AgentStatus.LEARNING, now);
        } else {
            if (d != null) {
                counters.increment(
                        ScopeChain.of(agent.orgId, agent.eventId),
                        ContextKey.parse(d.contextKey()),
                        Arm.valueOf(d.type().name()),
                        executed.unconfirmed() ? ArmCounter.UNCONFIRMED : ArmCounter.EXECUTION_FAILURES);
            }
            status.settle(agent, now);
        }
    }

    private static String contextOf(SessionAgent agent, SessionAgent.ActiveAnomaly a) {
        AnomalyReport r = a.report;
        return ContextKey.of(
                        r.type().name(),
                        r.currentEngagement(),
                        a.signals.connectedUsers(),
                        r.deviation(),
                        r.expectedEngagement() > 0 ? r.expectedEngagement() : null)
                .value();
    }

    /** When learning ended and the same anomaly is still active, a follow-up decision is due (R5.3). */
    private void followUp(SessionAgent agent, Instant now) {
        if (agent.status == AgentStatus.MONITORING
                && agent.anomaly != null
                && agent.pending == null
                && agent.intervening == null
                && agent.anomaly.decisions > 0
                && agent.anomaly.decisions < SessionAgent.MAX_DECISIONS_PER_ANOMALY
                && agent.rewards.isEmpty()
                && agent.followUpAfter != null
                && !now.isBefore(agent.followUpAfter)) {
            agent.followUpAfter = null;
            chain.run(new AgentPass(agent, now, AgentPass.Trigger.FOLLOW_UP, null, null));
        }
    }

    private void cancelPending(SessionAgent agent, Instant now) {
        Decision pending = agent.pending;
        if (pending == null) {
            return;
        }
        agent.pending = null;
        contents.remove(pending.id());
        records.resolveLater(pending, Resolution.CANCELLED, now, "system", null);
        pending.resolve(Resolution.CANCELLED, now, "system", null);
        status.settle(agent, now);
    }

    private Optional<SessionAgent> agentFor(String sessionId) {
        SessionAgent existing = agents.get(sessionId);
        if (existing != null) {
            return Optional.of(existing);
        }
        Optional<SessionInfo> info = sessions.find(sessionId);
        if (info.isEmpty() || !info.get().active()) {
            return Optional.empty();
        }
        SessionInfo s = info.get();
        SessionAgent agent = new SessionAgent(
                s.id(), s.eventId(), s.orgId(), AgentMode.parse(s.mode()).orElse(AgentMode.MANUAL));
        for (Decision d : decisions.pending()) {
            if (d.sessionId().equals(sessionId)) {
                agent.pending = d;
            }
        }
        recovery.recover(agent);
        agents.put(sessionId, agent);
        return Optional.of(agent);
    }
}

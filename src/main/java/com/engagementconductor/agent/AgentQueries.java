package com.engagementconductor.agent;

import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.SequenceNumbers;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.LiveSessions;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Read side of the agent for REST: a session's status (contracts §4.2) and its decisions (§4.7). */
@Service
public class AgentQueries {
    private final AgentRuntime runtime;
    private final Sessions sessions;
    private final LiveSessions live;
    private final DecisionStore decisions;
    private final SequenceNumbers seq;

    AgentQueries(
            AgentRuntime runtime, Sessions sessions, LiveSessions live, DecisionStore decisions, SequenceNumbers seq) {
        this.seq = seq;
        this.runtime = runtime;
        this.sessions = sessions;
        this.live = live;
        this.decisions = decisions;
    }

    /** Sessions whose agent runs on this node. */
    public int liveAgents() {
        return runtime.liveAgents();
    }

    /** Decisions waiting for an organizer on this node. */
    public int pendingDecisions() {
        return runtime.pendingDecisions();
    }

    /** A session's agent as the status endpoint reports it. */
    public record StatusView(
            String sessionId,
            String mode,
            String status,
            @Nullable Instant lastActivity,
            @Nullable Decision current,
            @Nullable Decision pending,
            boolean active,
            @Nullable String eventId,
            @Nullable String orgId) {}

    /** The status of a session; unknown sessions get the prior defaults (contracts §4.2). */
    public StatusView status(Caller caller, String sessionId) {
        Optional<SessionInfo> info = sessions.find(sessionId);
        if (info.isEmpty()) {
            return new StatusView(sessionId, "MANUAL", "IDLE", null, null, null, false, null, null);
        }
        SessionInfo s = info.get();
        if (!caller.owns(s.orgId())) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
        Instant lastActivity = live.get(sessionId).map(l -> l.lastActivity()).orElse(null);
        if (!s.active() || runtime.agent(sessionId).isEmpty()) {
            Decision pending = decisions.list(sessionId, true, 1, 0).decisions().stream()
                    .findFirst()
                    .orElse(null);
            return new StatusView(
                    sessionId,
                    s.mode(),
                    s.active() ? "IDLE" : "IDLE",
                    lastActivity,
                    pending,
                    pending,
                    s.active(),
                    s.eventId(),
                    s.orgId());
        }
        return runtime.call(sessionId, agent -> {
            SessionAgent a = agent.orElseThrow();
            Decision current = a.pending != null ? a.pending : a.intervening;
            return new StatusView(
                    sessionId,
                    a.mode.name(),
                    a.status.name(),
                    lastActivity,
                    current,
                    a.pending,
                    true,
                    a.eventId,
                    a.orgId);
        });
    }

    /** What a dashboard subscriber starts from (contracts §7.2), read at one moment on the session's lane. */
    public record Snapshot(String status, String mode, @Nullable Map<String, Object> pendingDecision, long seq) {}

    /**
     * The snapshot of a session for a new subscriber: status, mode, the pending decision as it was published, and
     * the session's sequence value at that moment. Waits for the session's lane, so callers must not be event-loop
     * threads.
     */
    public Snapshot snapshot(String sessionId) {
        Optional<SessionInfo> info = sessions.find(sessionId);
        if (info.isEmpty() || runtime.agent(sessionId).isEmpty()) {
            return new Snapshot("IDLE", info.map(SessionInfo::mode).orElse("MANUAL"), null, seq.current(sessionId));
        }
        return runtime.call(sessionId, agent -> agent.map(a -> {
                    Map<String, Object> pending = a.pending != null
                                    && a.pendingPayload != null
                                    && a.pending.id().toString().equals(a.pendingPayload.get("decisionId"))
                            ? a.pendingPayload
                            : null;
                    return new Snapshot(a.status.name(), a.mode.name(), pending, seq.current(sessionId));
                })
                .orElseGet(() -> new Snapshot("IDLE", info.get().mode(), null, seq.current(sessionId))));
    }

    /** For listings: the agent's current status and pending decisions of a session (IDLE and 0 when not live here). */
    public record Summary(String status, int pendingDecisions) {}

    public Summary summary(String sessionId) {
        return runtime.agent(sessionId)
                .map(a -> new Summary(a.status.name(), a.pending == null ? 0 : 1))
                .orElse(new Summary("IDLE", 0));
    }

    /** Every decision of a session in every state, oldest first (the session export, contracts §4.15). */
    public List<Decision> allDecisions(String sessionId) {
        List<Decision> oldestFirst = new ArrayList<>(
                decisions.list(sessionId, false, Integer.MAX_VALUE, 0).decisions());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** A session's decisions, newest first (pending only unless {@code all}). */
    public DecisionStore.Page decisions(Caller caller, String sessionId, boolean all, int limit, int offset) {
        String org = sessions.find(sessionId).map(SessionInfo::orgId).orElse(null);
        if (sessions.find(sessionId).isPresent() && !caller.owns(org)) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
        return decisions.list(sessionId, !all, limit, offset);
    }
}

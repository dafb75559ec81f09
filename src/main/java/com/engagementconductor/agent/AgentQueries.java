package com.engagementconductor.agent;

import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.LiveSessions;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import java.time.Instant;
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

    AgentQueries(AgentRuntime runtime, Sessions sessions, LiveSessions live, DecisionStore decisions) {
        this.runtime = runtime;
        this.sessions = sessions;
        this.live = live;
        this.decisions = decisions;
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

    /** For listings: the agent's current status and pending decisions of a session (IDLE and 0 when not live here). */
    public record Summary(String status, int pendingDecisions) {}

    public Summary summary(String sessionId) {
        return runtime.agent(sessionId)
                .map(a -> new Summary(a.status.name(), a.pending == null ? 0 : 1))
                .orElse(new Summary("IDLE", 0));
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

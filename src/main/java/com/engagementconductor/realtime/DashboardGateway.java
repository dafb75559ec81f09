package com.engagementconductor.realtime;

import com.engagementconductor.agent.AgentQueries;
import com.engagementconductor.realtime.socketio.Ack;
import com.engagementconductor.realtime.socketio.Socket;
import com.engagementconductor.shared.PooledSessionLanes;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard side of the socket (contracts §7.2): {@code agent:subscribe} / {@code agent:unsubscribe} and
 * their {@code subscribe:engagement} aliases, with acks and snapshots. Cheap checks run on the event loop; the
 * lookups and the snapshot (which waits for the session's lane) run on this gateway's own threads
 * ({@code conductor-realtime-N}), serially per socket, so a socket's subscribes, unsubscribes and disconnect
 * apply in the order they came.
 */
final class DashboardGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DashboardGateway.class);

    private final Sessions sessions;
    private final AgentQueries agents;
    private final SessionFeeds feeds;
    private final ObjectMapper json;
    private final SocketReplies replies;
    private final InstantSource clock;
    private final RealtimeSettings settings;
    private final Duration leeway;
    private final PooledSessionLanes work = new PooledSessionLanes(2, "conductor-realtime-");

    DashboardGateway(
            Sessions sessions,
            AgentQueries agents,
            SessionFeeds feeds,
            ObjectMapper json,
            InstantSource clock,
            RealtimeSettings settings,
            Duration leeway) {
        this.sessions = sessions;
        this.agents = agents;
        this.feeds = feeds;
        this.json = json;
        this.replies = new SocketReplies(json);
        this.clock = clock;
        this.settings = settings;
        this.leeway = leeway;
    }

    void attach(Socket socket) {
        socket.on("agent:subscribe", (s, args, ack) -> subscribe(s, args, ack));
        socket.on("subscribe:engagement", (s, args, ack) -> subscribe(s, args, ack));
        socket.on("agent:unsubscribe", (s, args, ack) -> unsubscribe(s, args, ack));
        socket.on("unsubscribe:engagement", (s, args, ack) -> unsubscribe(s, args, ack));
    }

    /** The socket is gone: every session it watched is released (after its pending calls). */
    void detach(Socket socket) {
        SocketConnection c = connection(socket);
        work.execute(socket.id(), () -> c.close().forEach(feeds::release));
    }

    private void subscribe(Socket socket, ArrayNode args, @Nullable Ack ack) {
        SocketConnection c = connection(socket);
        if (expired(c)) {
            replies.error(ack, "unauthorized");
            return;
        }
        if (c.caller.attendee() || !c.caller.mayRead()) {
            replies.error(ack, "forbidden");
            return;
        }
        String sessionId = SocketReplies.sessionId(args);
        if (sessionId == null) {
            replies.error(ack, "invalid_session_id");
            return;
        }
        // the bucket is taken when the call arrives, not when its lookup runs
        if (!c.watches(sessionId)
                && (c.watching() >= settings.maxSessionsPerSocket()
                        || !c.take(clock.instant(), settings.subscribeBurst(), settings.subscribesPerSecond()))) {
            replies.error(ack, "rate_limited");
            return;
        }
        work.execute(socket.id(), () -> {
            try {
                if (!c.watches(sessionId)) {
                    Optional<SessionInfo> session = sessions.find(sessionId);
                    if (session.isEmpty()) {
                        replies.error(ack, "unknown_session");
                        return;
                    }
                    if (!c.caller.owns(session.get().orgId())) {
                        replies.error(ack, "forbidden");
                        return;
                    }
                    if (!c.add(sessionId)) {
                        return; // disconnected meanwhile
                    }
                    socket.join(SessionFeeds.room(sessionId));
                    feeds.acquire(sessionId);
                }
                AgentQueries.Snapshot snapshot = agents.snapshot(sessionId);
                replies.send(ack, success(sessionId, snapshot));
            } catch (RuntimeException e) {
                log.warn("subscribe to {} could not be served: {}", sessionId, e.toString());
                replies.error(ack, "unavailable");
            }
        });
    }

    private void unsubscribe(Socket socket, ArrayNode args, @Nullable Ack ack) {
        SocketConnection c = connection(socket);
        String sessionId = SocketReplies.sessionId(args);
        if (sessionId == null) {
            replies.error(ack, "invalid_session_id");
            return;
        }
        work.execute(socket.id(), () -> {
            if (c.remove(sessionId)) {
                socket.leave(SessionFeeds.room(sessionId));
                feeds.release(sessionId);
            }
            ObjectNode body = replies.ok();
            body.put("sessionId", sessionId);
            replies.send(ack, body);
        });
    }

    private ObjectNode success(String sessionId, AgentQueries.Snapshot s) {
        ObjectNode snapshot = json.createObjectNode();
        snapshot.put("status", s.status());
        snapshot.put("mode", s.mode());
        snapshot.set("pendingDecision", s.pendingDecision() == null ? null : json.valueToTree(s.pendingDecision()));
        snapshot.set(
                "lastEngagement",
                feeds.lastEngagement(sessionId).map(json::readTree).orElse(null));
        snapshot.set(
                "recentAnomaly",
                feeds.recentAnomaly(sessionId).map(json::readTree).orElse(null));
        snapshot.put("seq", s.seq());
        ObjectNode body = replies.ok();
        body.put("sessionId", sessionId);
        body.set("snapshot", snapshot);
        return body;
    }

    private boolean expired(SocketConnection c) {
        return clock.instant().isAfter(c.endsAt(leeway));
    }

    static SocketConnection connection(Socket socket) {
        return (SocketConnection) socket.attachment();
    }

    @Override
    public void close() {
        work.close();
    }
}

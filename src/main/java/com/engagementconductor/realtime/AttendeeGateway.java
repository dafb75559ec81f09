package com.engagementconductor.realtime;

import com.engagementconductor.intervention.AttendeeActivities;
import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.intervention.VoteResult;
import com.engagementconductor.realtime.socketio.Ack;
import com.engagementconductor.realtime.socketio.Namespace;
import com.engagementconductor.realtime.socketio.Socket;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.PooledSessionLanes;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.signals.AudienceLines;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalIngestion;
import com.engagementconductor.signals.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attendee side of the socket (contracts §7.3, §7.5): joins, leaves, chat, reactions, votes and questions
 * become engagement signals; presence counts users, not sockets; chat lines and questions are relayed to the
 * room {@code session:{id}} and kept in memory; the built-in executor's banners, polls and challenges (on
 * {@code conductor:attendee:{id}}) reach the room. Every event is answered by an ack.
 */
final class AttendeeGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttendeeGateway.class);

    /** A per-user limit: {@code count} calls per {@code window}. */
    private record Limit(int count, Duration window) {}

    private static final Limit CHAT = new Limit(5, Duration.ofSeconds(10));
    private static final Limit REACTION = new Limit(20, Duration.ofSeconds(10));
    private static final Limit QUESTION = new Limit(3, Duration.ofMinutes(1));

    private final Sessions sessions;
    private final SignalIngestion ingestion;
    private final AttendeeActivities activities;
    private final AudienceLines lines;
    private final EventBus bus;
    private final Namespace events;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final Duration leeway;
    private final PooledSessionLanes work = new PooledSessionLanes(1, "conductor-attendees-");
    /** session → user → sockets of that user in the room. */
    private final Map<String, Map<String, Integer>> presence = new HashMap<>();
    /** The attendee channels this node subscribes, one per session with a local attendee. */
    private final SharedSubscriptions feeds;

    private final SocketReplies replies;

    /** session|user|kind → the times of recent calls, for the per-user limits; swept every 1,024 calls. */
    private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();
    /** Calls since the last sweep; touched only on the attendee thread. */
    private int sinceSweep;

    AttendeeGateway(
            Sessions sessions,
            SignalIngestion ingestion,
            AttendeeActivities activities,
            AudienceLines lines,
            EventBus bus,
            Namespace events,
            ObjectMapper json,
            InstantSource clock,
            Duration leeway) {
        this.sessions = sessions;
        this.ingestion = ingestion;
        this.activities = activities;
        this.lines = lines;
        this.bus = bus;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.leeway = leeway;
        this.replies = new SocketReplies(json);
        this.feeds = new SharedSubscriptions(sessionId ->
                bus.subscribe(InterventionTopics.attendee(sessionId), (topic, payload) -> deliver(sessionId, payload)));
    }

    static String room(String sessionId) {
        return "session:" + sessionId;
    }

    void attach(Socket socket) {
        socket.on("session.join", (s, args, ack) -> serial(s, ack, () -> join(s, args, ack)));
        socket.on("session.leave", (s, args, ack) -> serial(s, ack, () -> leave(s, args, ack)));
        socket.on("chat.send", (s, args, ack) -> serial(s, ack, () -> chat(s, args, ack)));
        socket.on("reaction.send", (s, args, ack) -> serial(s, ack, () -> reaction(s, args, ack)));
        socket.on("poll.vote", (s, args, ack) -> serial(s, ack, () -> vote(s, args, ack)));
        socket.on("qa.ask", (s, args, ack) -> serial(s, ack, () -> ask(s, args, ack)));
    }

    /** The socket is gone: it leaves every session it joined (a user's last socket makes a {@code leave}). */
    void detach(Socket socket) {
        SocketConnection c = DashboardGateway.connection(socket);
        work.execute(socket.id(), () -> c.closeAttending().forEach(id -> left(c, id)));
    }

    /** Runs a handler on the attendee thread, serially per socket, and answers any failure with an ack error. */
    private void serial(Socket socket, @Nullable Ack ack, Runnable handler) {
        SocketConnection c = DashboardGateway.connection(socket);
        if (clock.instant().isAfter(c.endsAt(leeway))) {
            replies.error(ack, "unauthorized");
            return;
        }
        work.execute(socket.id(), () -> {
            try {
                handler.run();
            } catch (RuntimeException e) {
                log.warn("attendee event failed: {}", e.toString());
                replies.error(ack, "unavailable");
            }
        });
    }

    private void join(Socket socket, ArrayNode args, @Nullable Ack ack) {
        SocketConnection c = DashboardGateway.connection(socket);
        String sessionId = SocketReplies.sessionId(args);
        if (sessionId == null) {
            replies.error(ack, "invalid_session_id");
            return;
        }
        Optional<SessionInfo> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            replies.error(ack, "unknown_session");
            return;
        }
        if (c.attend(sessionId)) {
            socket.join(room(sessionId));
            feeds.acquire(sessionId);
            if (enter(sessionId, c.caller.subject())) {
                signal(sessionId, SignalType.JOIN, c.caller.subject());
            }
        }
        ObjectNode body = replies.ok();
        body.put("sessionId", sessionId);
        body.set("activePoll", activities.activePoll(sessionId).map(this::tree).orElse(null));
        body.set(
                "activeChallenge",
                activities.activeChallenge(sessionId).map(this::tree).orElse(null));
        replies.send(ack, body);
    }

    private void leave(Socket socket, ArrayNode args, @Nullable Ack ack) {
        SocketConnection c = DashboardGateway.connection(socket);
        String sessionId = SocketReplies.sessionId(args);
        if (sessionId == null) {
            replies.error(ack, "invalid_session_id");
            return;
        }
        if (c.unattend(sessionId)) {
            socket.leave(room(sessionId));
            left(c, sessionId);
        }
        ObjectNode body = replies.ok();
        body.put("sessionId", sessionId);
        replies.send(ack, body);
    }

    private void left(SocketConnection c, String sessionId) {
        feeds.release(sessionId);
        if (exit(sessionId, c.caller.subject())) {
            signal(sessionId, SignalType.LEAVE, c.caller.subject());
        }
    }

    private void chat(Socket socket, ArrayNode args, @Nullable Ack ack) {
        String sessionId = joined(socket, args, ack);
        String text = sessionId == null ? null : text(args, "text", 1000, ack);
        if (text == null || !allowed(sessionId, socket, "chat", CHAT, ack)) {
            return;
        }
        String user = DashboardGateway.connection(socket).caller.subject();
        Instant now = clock.instant();
        signal(sessionId, SignalType.CHAT, user);
        lines.add(sessionId, new AudienceLines.Line(user, text, now, false));
        ObjectNode relay = json.createObjectNode();
        relay.put("sessionId", sessionId);
        relay.put("userId", user);
        relay.put("text", text);
        relay.put("timestamp", Timestamps.format(now));
        events.broadcast(room(sessionId), "chat.message", json.writeValueAsString(relay));
        replies.send(ack, replies.ok());
    }

    private void reaction(Socket socket, ArrayNode args, @Nullable Ack ack) {
        String sessionId = joined(socket, args, ack);
        String emoji = sessionId == null ? null : text(args, "emoji", 10, ack);
        if (emoji == null || !allowed(sessionId, socket, "reaction", REACTION, ack)) {
            return;
        }
        signal(
                sessionId,
                SignalType.REACTION,
                DashboardGateway.connection(socket).caller.subject());
        replies.send(ack, replies.ok());
    }

    private void vote(Socket socket, ArrayNode args, @Nullable Ack ack) {
        String sessionId = joined(socket, args, ack);
        if (sessionId == null) {
            return;
        }
        JsonNode body = args.get(0);
        JsonNode poll = body.get("pollId");
        JsonNode option = body.get("optionId");
        if (poll == null || !poll.isString() || option == null || !option.isString()) {
            replies.error(ack, "invalid_payload");
            return;
        }
        VoteResult result = activities.vote(
                sessionId,
                poll.asString(),
                DashboardGateway.connection(socket).caller.subject(),
                option.asString());
        if (!result.accepted()) {
            replies.error(ack, result.errorCode());
            return;
        }
        ObjectNode reply = replies.ok();
        reply.put("pollId", poll.asString());
        reply.put("optionId", option.asString());
        replies.send(ack, reply);
    }

    private void ask(Socket socket, ArrayNode args, @Nullable Ack ack) {
        String sessionId = joined(socket, args, ack);
        String text = sessionId == null ? null : text(args, "text", 500, ack);
        if (text == null || !allowed(sessionId, socket, "qa", QUESTION, ack)) {
            return;
        }
        String user = DashboardGateway.connection(socket).caller.subject();
        Instant now = clock.instant();
        String questionId = UUID.randomUUID().toString();
        signal(sessionId, SignalType.QA_QUESTION, user);
        lines.add(sessionId, new AudienceLines.Line(user, text, now, true));
        ObjectNode relay = json.createObjectNode();
        relay.put("sessionId", sessionId);
        relay.put("questionId", questionId);
        relay.put("userId", user);
        relay.put("text", text);
        relay.put("timestamp", Timestamps.format(now));
        events.broadcast(room(sessionId), "qa.question", json.writeValueAsString(relay));
        ObjectNode reply = replies.ok();
        reply.put("questionId", questionId);
        replies.send(ack, reply);
    }

    /** The session of an event the socket must have joined; null (answered) otherwise. */
    private @Nullable String joined(Socket socket, ArrayNode args, @Nullable Ack ack) {
        if (args.isEmpty() || !args.get(0).isObject()) {
            replies.error(ack, "invalid_payload");
            return null;
        }
        String sessionId = SocketReplies.sessionId(args);
        if (sessionId == null) {
            replies.error(ack, "invalid_session_id");
            return null;
        }
        if (!DashboardGateway.connection(socket).attends(sessionId)) {
            replies.error(ack, "not_joined");
            return null;
        }
        return sessionId;
    }

    private @Nullable String text(ArrayNode args, String field, int max, @Nullable Ack ack) {
        JsonNode t = args.get(0).get(field);
        if (t == null
                || !t.isString()
                || t.asString().isEmpty()
                || t.asString().codePointCount(0, t.asString().length()) > max) {
            replies.error(ack, "invalid_payload");
            return null;
        }
        return t.asString();
    }

    private boolean allowed(String sessionId, Socket socket, String kind, Limit limit, @Nullable Ack ack) {
        String key =
                sessionId + "|" + DashboardGateway.connection(socket).caller.subject() + "|" + kind;
        Instant now = clock.instant();
        if (++sinceSweep >= 1024) {
            sweep(now);
        }
        Deque<Instant> recent = calls.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(limit.window()))) {
                recent.removeFirst();
            }
            if (recent.size() >= limit.count()) {
                replies.error(ack, "rate_limited");
                return false;
            }
            recent.addLast(now);
        }
        return true;
    }

    /** Forgets the limits of users who have not called for longer than the longest window. */
    private void sweep(Instant now) {
        sinceSweep = 0;
        Instant quiet = now.minus(QUESTION.window());
        calls.values().removeIf(recent -> {
            synchronized (recent) {
                return recent.isEmpty() || !recent.peekLast().isAfter(quiet);
            }
        });
    }

    /** Attendees (users, not sockets) present in a session on this node. */
    synchronized int present(String sessionId) {
        Map<String, Integer> users = presence.get(sessionId);
        return users == null ? 0 : users.size();
    }

    /** A user's first socket in the session: true when this makes them present. */
    private synchronized boolean enter(String sessionId, String user) {
        return presence.computeIfAbsent(sessionId, id -> new HashMap<>()).merge(user, 1, Integer::sum) == 1;
    }

    /** A user's socket left: true when it was their last. */
    private synchronized boolean exit(String sessionId, String user) {
        Map<String, Integer> users = presence.get(sessionId);
        if (users == null || !users.containsKey(user)) {
            return false;
        }
        int left = users.merge(user, -1, Integer::sum);
        if (left > 0) {
            return false;
        }
        users.remove(user);
        if (users.isEmpty()) {
            presence.remove(sessionId);
        }
        return true;
    }

    /** Sessions whose attendee channel this node subscribes. */
    int subscribedSessions() {
        return feeds.size();
    }

    private void deliver(String sessionId, String payload) {
        try {
            JsonNode envelope = json.readTree(payload);
            JsonNode event = envelope.get("event");
            JsonNode data = envelope.get("data");
            if (event == null || !event.isString() || data == null || !data.isObject()) {
                log.warn("dropped an invalid attendee-room envelope for {}", sessionId);
                return;
            }
            events.broadcast(room(sessionId), event.asString(), json.writeValueAsString(data));
        } catch (JacksonException e) {
            log.warn("dropped an unreadable attendee-room envelope for {}", sessionId);
        }
    }

    private void signal(String sessionId, SignalType type, String user) {
        ingestion.offer(
                sessionId, List.of(Signal.of(type, sessionId, user, clock.instant())), SignalIngestion.Source.SOCKET);
    }

    private JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    @Override
    public void close() {
        work.close();
        feeds.close();
    }
}

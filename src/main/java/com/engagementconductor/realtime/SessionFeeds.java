package com.engagementconductor.realtime;

import com.engagementconductor.realtime.socketio.Namespace;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.SequenceNumbers;
import com.engagementconductor.shared.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What flows from the bus to the dashboard rooms (contracts §7.4, §8.1): one bus subscription to
 * {@code session:{id}:events} per session that a local socket watches, taken by the first watcher and released
 * by the last; every valid envelope is forwarded to the room {@code session:{id}:agent} as its {@code data} plus
 * {@code sessionId} and {@code seq}. {@code engagement:update} and {@code anomaly:detected} are read once for all
 * sessions and forwarded to the rooms that have sockets; the latest of each is kept for snapshots.
 */
final class SessionFeeds implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionFeeds.class);
    private static final Pattern TYPE = Pattern.compile("^[A-Za-z0-9_.:-]{1,64}$");
    private static final Set<String> RESERVED =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    /** The last payload seen and when. */
    private record Seen(String payload, Instant at) {}

    private final EventBus bus;
    private final Namespace events;
    private final SequenceNumbers seq;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final MeterRegistry meters;
    private final Duration recentAnomaly;
    private final SharedSubscriptions feeds;
    private final Map<String, String> lastEngagement = new ConcurrentHashMap<>();
    private final Map<String, Seen> lastAnomaly = new ConcurrentHashMap<>();
    private final EventBus.Subscription engagement;
    private final EventBus.Subscription anomalies;

    SessionFeeds(
            EventBus bus,
            Namespace events,
            SequenceNumbers seq,
            ObjectMapper json,
            InstantSource clock,
            MeterRegistry meters,
            Duration recentAnomaly) {
        this.bus = bus;
        this.events = events;
        this.seq = seq;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.recentAnomaly = recentAnomaly;
        this.engagement = bus.subscribe(Topics.ENGAGEMENT_UPDATE, (topic, payload) -> onScore(payload));
        this.anomalies = bus.subscribe(Topics.ANOMALY_DETECTED, (topic, payload) -> onAnomaly(payload));
        this.feeds = new SharedSubscriptions(sessionId ->
                bus.subscribe(Topics.sessionEvents(sessionId), (topic, payload) -> forward(sessionId, payload)));
    }

    static String room(String sessionId) {
        return "session:" + sessionId + ":agent";
    }

    /** A local socket starts watching a session: the first one subscribes to its channel. */
    void acquire(String sessionId) {
        feeds.acquire(sessionId);
    }

    /** A local socket stops watching a session: the last one unsubscribes. */
    void release(String sessionId) {
        feeds.release(sessionId);
    }

    /** Sessions with a bus subscription on this node. */
    int subscribedSessions() {
        return feeds.size();
    }

    Optional<String> lastEngagement(String sessionId) {
        return Optional.ofNullable(lastEngagement.get(sessionId));
    }

    Optional<String> recentAnomaly(String sessionId) {
        Seen seen = lastAnomaly.get(sessionId);
        if (seen == null || clock.instant().isAfter(seen.at().plus(recentAnomaly))) {
            return Optional.empty();
        }
        return Optional.of(seen.payload());
    }

    /** Forgets what was kept for a session that ended. */
    void forget(String sessionId) {
        lastEngagement.remove(sessionId);
        lastAnomaly.remove(sessionId);
    }

    void forward(String sessionId, String payload) {
        ObjectNode envelope = object(payload);
        JsonNode type = envelope == null ? null : envelope.get("type");
        JsonNode data = envelope == null ? null : envelope.get("data");
        if (type == null
                || !type.isString()
                || !TYPE.matcher(type.asString()).matches()
                || RESERVED.contains(type.asString())
                || !(data instanceof ObjectNode body)) {
            meters.counter("conductor.realtime.dropped", "reason", "invalid_envelope")
                    .increment();
            log.warn(
                    "dropped an invalid envelope of {} characters on {}",
                    payload.length(),
                    Topics.sessionEvents(sessionId));
            return;
        }
        JsonNode stamped = envelope.get("seq");
        long n = stamped != null && stamped.canConvertToLong() ? stamped.asLong() : seq.next(sessionId);
        body.put("sessionId", sessionId);
        body.put("seq", n);
        events.broadcast(room(sessionId), type.asString(), json.writeValueAsString(body));
        meters.counter(
                        "conductor.realtime.forwarded",
                        "type",
                        type.asString().startsWith("agent.") ? type.asString() : "other")
                .increment();
    }

    private void onScore(String payload) {
        String sessionId = sessionOf(payload);
        if (sessionId == null) {
            return;
        }
        lastEngagement.put(sessionId, payload);
        if (events.roomSize(room(sessionId)) > 0) {
            events.broadcast(room(sessionId), Topics.ENGAGEMENT_UPDATE, payload);
        }
    }

    private void onAnomaly(String payload) {
        String sessionId = sessionOf(payload);
        if (sessionId == null) {
            return;
        }
        lastAnomaly.put(sessionId, new Seen(payload, clock.instant()));
        if (events.roomSize(room(sessionId)) > 0) {
            events.broadcast(room(sessionId), Topics.ANOMALY_DETECTED, payload);
        }
    }

    private @Nullable String sessionOf(String payload) {
        ObjectNode node = object(payload);
        JsonNode id = node == null ? null : node.get("sessionId");
        if (id == null || !id.isString()) {
            meters.counter("conductor.realtime.dropped", "reason", "no_session_id")
                    .increment();
            return null;
        }
        return id.asString();
    }

    private @Nullable ObjectNode object(String payload) {
        try {
            return json.readTree(payload) instanceof ObjectNode o ? o : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    @Override
    public void close() {
        engagement.close();
        anomalies.close();
        feeds.close();
    }
}

package com.engagementconductor.realtime;

import com.engagementconductor.agent.AgentQueries;
import com.engagementconductor.intervention.AttendeeActivities;
import com.engagementconductor.realtime.socketio.Namespace;
import com.engagementconductor.realtime.socketio.Socket;
import com.engagementconductor.realtime.socketio.SocketIoOptions;
import com.engagementconductor.realtime.socketio.SocketIoServer;
import com.engagementconductor.shared.AttendeeAudience;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.SequenceNumbers;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.auth.Tokens;
import com.engagementconductor.shared.web.CorsOrigins;
import com.engagementconductor.signals.AudienceLines;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.signals.SignalIngestion;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The Socket.IO gateway on {@code SOCKET_PORT} (contracts §7): namespace {@code /events}, the handshake of §3.3,
 * token expiry, and the dashboard rooms. Started after the rest of the product and stopped before it.
 */
@Component
public class RealtimeGateway implements SmartLifecycle, AttendeeAudience {
    private static final Logger log = LoggerFactory.getLogger(RealtimeGateway.class);
    public static final String NAMESPACE = "/events";

    private final RealtimeSettings settings;
    private final Tokens tokens;
    private final EventBus bus;
    private final SequenceNumbers seq;
    private final Sessions sessions;
    private final AgentQueries agents;
    private final SignalIngestion ingestion;
    private final AttendeeActivities activities;
    private final AudienceLines lines;
    private final ObjectMapper json;
    private final InstantSource clock;
    private final MeterRegistry meters;
    private final Duration leeway;
    private final CorsOrigins origins;
    private @Nullable SocketIoServer server;
    private @Nullable SessionFeeds feeds;
    private @Nullable DashboardGateway dashboard;
    private volatile @Nullable AttendeeGateway attendees;
    private @Nullable ScheduledExecutorService timers;
    private volatile boolean running;
    private final AtomicInteger organizerSockets = new AtomicInteger();
    private final AtomicInteger attendeeSockets = new AtomicInteger();

    RealtimeGateway(
            RealtimeSettings settings,
            Tokens tokens,
            EventBus bus,
            SequenceNumbers seq,
            Sessions sessions,
            AgentQueries agents,
            SignalIngestion ingestion,
            AttendeeActivities activities,
            AudienceLines lines,
            ObjectMapper json,
            InstantSource clock,
            MeterRegistry meters,
            @Value("${conductor.security.leeway:30s}") Duration leeway,
            @Value("${conductor.cors.origins:}") String corsOrigins,
            @Value("${server.port:8003}") int port) {
        this.settings = settings;
        this.tokens = tokens;
        this.bus = bus;
        this.seq = seq;
        this.sessions = sessions;
        this.agents = agents;
        this.ingestion = ingestion;
        this.activities = activities;
        this.lines = lines;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.leeway = leeway;
        this.origins = CorsOrigins.of(corsOrigins, port);
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        SocketIoServer s = new SocketIoServer(new SocketIoOptions(
                settings.host(),
                settings.port(),
                "/socket.io/",
                settings.pingInterval(),
                settings.pingTimeout(),
                settings.maxPacketBytes(),
                java.util.Set.copyOf(origins.patterns()),
                0));
        Namespace events = s.namespace(NAMESPACE);
        SessionFeeds f = new SessionFeeds(bus, events, seq, json, clock, meters, settings.recentAnomaly());
        DashboardGateway d = new DashboardGateway(sessions, agents, f, json, clock, settings, leeway);
        AttendeeGateway a =
                new AttendeeGateway(sessions, ingestion, activities, lines, bus, events, json, clock, leeway);
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "conductor-realtime-expiry");
            thread.setDaemon(true);
            return thread;
        });
        SocketAuth auth = new SocketAuth(tokens);
        events.authenticator(auth::authenticate);
        events.onConnect(socket -> connected(socket, d, a, t));
        s.start();
        Gauge.builder("conductor.realtime.sockets", s, SocketIoServer::connectedSockets)
                .description("connected Socket.IO sockets on this node")
                .register(meters);
        Gauge.builder("conductor.socket.connections", organizerSockets, AtomicInteger::get)
                .description("connected sockets of organizer tokens on this node")
                .tag("kind", "dashboard")
                .register(meters);
        Gauge.builder("conductor.socket.connections", attendeeSockets, AtomicInteger::get)
                .description("connected sockets of attendee tokens on this node")
                .tag("kind", "attendee")
                .register(meters);
        Gauge.builder("conductor.realtime.subscriptions", f, SessionFeeds::subscribedSessions)
                .description("sessions whose event channel this node subscribes for its sockets")
                .register(meters);
        server = s;
        feeds = f;
        dashboard = d;
        attendees = a;
        timers = t;
        running = true;
        log.info("Socket.IO listening on port {} (namespace {})", s.port(), NAMESPACE);
    }

    private void connected(Socket socket, DashboardGateway d, AttendeeGateway a, ScheduledExecutorService t) {
        SocketConnection c = DashboardGateway.connection(socket);
        d.attach(socket);
        a.attach(socket);
        AtomicInteger kind = c.caller.attendee() ? attendeeSockets : organizerSockets;
        kind.incrementAndGet();
        socket.onDisconnect(reason -> {
            kind.decrementAndGet();
            d.detach(socket);
            a.detach(socket);
        });
        Instant end = c.endsAt(leeway);
        if (!end.equals(Instant.MAX)) {
            long delay = Math.max(0, Duration.between(clock.instant(), end).toMillis());
            c.expiry(t.schedule(() -> expire(socket, c), delay, TimeUnit.MILLISECONDS));
        }
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("userId", c.caller.subject());
        socket.emit("connectionAcknowledged", json.writeValueAsString(ack));
    }

    private void expire(Socket socket, SocketConnection c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "token_expired");
        body.put("at", Timestamps.format(c.caller.expiresAt()));
        socket.emit("auth.expired", json.writeValueAsString(body));
        socket.disconnect();
    }

    /** Attendees present in the session's room on this node (the built-in executor's {@code delivered_to}). */
    @Override
    public int reachable(String sessionId) {
        AttendeeGateway a = attendees;
        return a == null ? 0 : a.present(sessionId);
    }

    /** Whether this node serves Socket.IO (not on {@code CONDUCTOR_ROLE=agent}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Sockets connected to this node now; 0 when the gateway is not running. */
    public int connectedSockets() {
        SocketIoServer s = server;
        return s == null ? 0 : s.connectedSockets();
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        SocketIoServer s = server;
        if (s == null) {
            throw new IllegalStateException("the Socket.IO gateway is not running");
        }
        return s.port();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (server != null) {
            server.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (attendees != null) {
            attendees.close();
        }
        if (feeds != null) {
            feeds.close();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        server = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts last and stops first: sockets see the product fully up, and go before it goes down. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}

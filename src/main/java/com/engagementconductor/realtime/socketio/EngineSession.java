package com.engagementconductor.realtime.socketio;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.NullNode;

/**
 * One Engine.IO connection: its transport (polling, websocket, or a websocket probing to replace polling), its outbound
 * queue, its heartbeat and the Socket.IO sockets multiplexed on it.
 *
 * <p>All state is confined to {@link #loop}; other threads hand work over with {@link #execute}. Outbound packets are
 * queued while the transport is polling or upgrading and written straight to the websocket otherwise, so order holds
 * across the switch.
 */
final class EngineSession {
    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
    private static final long CONNECT_TIMEOUT_MILLIS = 45_000;

    final SocketIoServer server;
    final String sid;
    final EventLoop loop;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final InetSocketAddress remoteAddress;

    private volatile String transport;
    private @Nullable Channel websocket;
    private @Nullable Channel probe;
    private boolean probing;
    private @Nullable PollRequest pendingGet;
    /** Packets a polling client may leave unread before the session is closed. */
    static final int MAX_QUEUED = 10_000;

    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean flushScheduled;
    private volatile boolean closed;
    private @Nullable ScheduledFuture<?> pingTask;
    private @Nullable ScheduledFuture<?> pongTimeout;
    private @Nullable ScheduledFuture<?> connectTimeout;
    private final Map<String, SocketImpl> sockets = new HashMap<>();

    EngineSession(
            SocketIoServer server,
            String sid,
            EventLoop loop,
            String transport,
            Map<String, String> headers,
            Map<String, String> query,
            InetSocketAddress remoteAddress) {
        this.server = server;
        this.sid = sid;
        this.loop = loop;
        this.transport = transport;
        this.headers = headers;
        this.query = query;
        this.remoteAddress = remoteAddress;
    }

    /** Runs the task on this session's loop: now when already there, else queued in submission order. */
    void execute(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                log.debug("session {}: event loop shut down, task dropped", sid);
            }
        }
    }

    String transport() {
        return transport;
    }

    boolean isClosed() {
        return closed;
    }

    // ---- opening -------------------------------------------------------------------------------------------------

    void openPolling(PollRequest request) {
        String open = openPacket(true);
        request.respond(open);
        startTimers();
    }

    void openWebsocket(Channel channel) {
        websocket = channel;
        channel.writeAndFlush(new TextWebSocketFrame(openPacket(false)), channel.voidPromise());
        startTimers();
    }

    private String openPacket(boolean upgrades) {
        SocketIoOptions options = server.options();
        return "0{\"sid\":\"" + sid + "\",\"upgrades\":" + (upgrades ? "[\"websocket\"]" : "[]") + ",\"pingInterval\":"
                + options.pingInterval().toMillis() + ",\"pingTimeout\":"
                + options.pingTimeout().toMillis() + ",\"maxPayload\":" + options.maxPacketBytes() + "}";
    }

    private void startTimers() {
        schedulePing();
        connectTimeout = loop.schedule(
                () -> {
                    if (sockets.isEmpty()) {
                        close("connect timeout");
                    }
                },
                CONNECT_TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void schedulePing() {
        SocketIoOptions options = server.options();
        pingTask = loop.schedule(
                () -> {
                    if (closed) {
                        return;
                    }
                    send("2");
                    pongTimeout = loop.schedule(
                            () -> close("ping timeout"), options.pingTimeout().toMillis(), TimeUnit.MILLISECONDS);
                },
                options.pingInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    // ---- outbound (on the loop) ----------------------------------------------------------------------------------

    /** Sends one Engine.IO packet. On the loop. */
    void send(String packet) {
        if (closed) {
            return;
        }
        Channel ws = websocket;
        if (ws != null) {
            if (!ws.isWritable()) {
                overloaded();
                return;
            }
            ws.writeAndFlush(new TextWebSocketFrame(packet), ws.voidPromise());
        } else {
            enqueue(packet);
        }
    }

    /**
     * A client that does not read what it is sent is cut off, so one slow consumer cannot hold unbounded memory:
     * its websocket has more than the high write watermark pending, or its polling queue is full.
     */
    private void overloaded() {
        log.warn("closing Engine.IO session {}: the client does not read what it is sent", sid);
        close("transport error");
    }

    /**
     * Sends a packet encoded once for many sockets: its complete WebSocket frame ({@link WebSocketFrames}) to a
     * websocket, the string to a polling queue. On the loop.
     */
    void sendShared(String packet, ByteBuf encoded) {
        if (closed) {
            return;
        }
        Channel ws = websocket;
        if (ws != null) {
            if (!ws.isWritable()) {
                overloaded();
                return;
            }
            ws.writeAndFlush(encoded.retainedDuplicate(), ws.voidPromise());
        } else {
            enqueue(packet);
        }
    }

    private void enqueue(String packet) {
        if (queue.size() >= MAX_QUEUED) {
            overloaded();
            return;
        }
        queue.add(packet);
        if (pendingGet != null && !flushScheduled) {
            flushScheduled = true;
            loop.execute(this::flushPoll);
        }
    }

    private void flushPoll() {
        flushScheduled = false;
        PollRequest get = pendingGet;
        if (get == null || queue.isEmpty()) {
            return;
        }
        pendingGet = null;
        String payload = EnginePayload.join(queue);
        queue.clear();
        get.respond(payload);
    }

    // ---- polling (on the loop) -----------------------------------------------------------------------------------

    void onPollGet(PollRequest request) {
        if (closed) {
            request.error(400, 1, "Session ID unknown");
            return;
        }
        if (websocket != null) {
            request.error(400, 3, "Bad request");
            return;
        }
        if (pendingGet != null) {
            // Overlapping polls: the reference closes the session.
            request.error(400, 3, "Bad request");
            close("transport error");
            return;
        }
        pendingGet = request;
        if (!queue.isEmpty()) {
            flushPoll();
        } else if (probing) {
            answerPendingWithNoop();
        }
    }

    void onPollPost(PollRequest request, String body) {
        if (closed) {
            request.error(400, 1, "Session ID unknown");
            return;
        }
        if (websocket != null) {
            request.error(400, 3, "Bad request");
            return;
        }
        List<String> packets;
        try {
            packets = EnginePayload.split(body);
        } catch (MalformedPacketException e) {
            request.error(400, 3, "Bad request");
            close("parse error");
            return;
        }
        request.respondOk();
        for (String packet : packets) {
            if (closed) {
                return;
            }
            onPacket(packet, null);
        }
    }

    void onPollAborted(PollRequest request) {
        if (pendingGet != null && pendingGet.sameChannel(request)) {
            pendingGet = null;
        }
    }

    private void answerPendingWithNoop() {
        PollRequest get = pendingGet;
        if (get != null) {
            pendingGet = null;
            get.respond("6");
        }
    }

    // ---- websocket (on the loop) ---------------------------------------------------------------------------------

    /** A websocket asking to replace polling. */
    void attachProbe(Channel channel) {
        if (closed || websocket != null || probe != null) {
            channel.close();
            return;
        }
        probe = channel;
    }

    void onWebsocketText(Channel channel, String text) {
        if (closed) {
            return;
        }
        if (channel == websocket) {
            onPacket(text, channel);
        } else if (channel == probe) {
            onProbePacket(channel, text);
        } else {
            channel.close();
        }
    }

    private void onProbePacket(Channel channel, String text) {
        if ("2probe".equals(text)) {
            probing = true;
            channel.writeAndFlush(new TextWebSocketFrame("3probe"), channel.voidPromise());
            answerPendingWithNoop();
        } else if ("5".equals(text) && probing) {
            probe = null;
            probing = false;
            websocket = channel;
            transport = "websocket";
            answerPendingWithNoop();
            if (!queue.isEmpty()) {
                for (String packet : queue) {
                    channel.write(new TextWebSocketFrame(packet), channel.voidPromise());
                }
                queue.clear();
                channel.flush();
            }
        } else {
            probe = null;
            probing = false;
            channel.close();
        }
    }

    void onWebsocketClosed(Channel channel, boolean error) {
        if (channel == probe) {
            probe = null;
            probing = false;
        } else if (channel == websocket) {
            close(error ? "transport error" : "transport close");
        }
    }

    void onWebsocketError(Channel channel) {
        if (channel == websocket) {
            close("transport error");
        } else {
            channel.close();
        }
    }

    // ---- inbound Engine.IO packets (on the loop) -----------------------------------------------------------------

    private void onPacket(String packet, @Nullable Channel channel) {
        switch (packet.charAt(0)) {
            case '1' -> close("transport close");
            case '3' -> onPong();
            case '4' -> onMessage(packet.substring(1));
            case '2', '6' -> {
                // Client pings are not part of v4; noops need nothing.
            }
            default -> {
                log.debug("session {}: unexpected packet type {}", sid, packet.charAt(0));
                close("parse error");
            }
        }
    }

    private void onPong() {
        ScheduledFuture<?> timeout = pongTimeout;
        if (timeout == null) {
            return;
        }
        timeout.cancel(false);
        pongTimeout = null;
        schedulePing();
    }

    // ---- Socket.IO (on the loop) ---------------------------------------------------------------------------------

    private void onMessage(String text) {
        SocketIoPacket packet;
        try {
            packet = SocketIoPacket.decode(text, server.mapper());
        } catch (MalformedPacketException e) {
            log.debug("session {}: {}", sid, e.getMessage());
            close("parse error");
            return;
        }
        switch (packet.type()) {
            case CONNECT -> onConnect(packet);
            case DISCONNECT -> {
                SocketImpl socket = sockets.remove(packet.namespace());
                if (socket != null) {
                    socket.closed("client namespace disconnect");
                }
            }
            case EVENT -> {
                SocketImpl socket = sockets.get(packet.namespace());
                if (socket != null) {
                    socket.dispatch(packet);
                }
            }
            default -> {
                // Acks from the client (the server never asks for one) and stray CONNECT_ERRORs are ignored.
            }
        }
    }

    private void onConnect(SocketIoPacket packet) {
        String name = packet.namespace();
        NamespaceImpl namespace = server.namespaceIfPresent(name);
        if (namespace == null) {
            send(SocketIoPacket.message(
                    SocketIoPacket.Type.CONNECT_ERROR, name, -1, "{\"message\":\"Invalid namespace\"}"));
            return;
        }
        if (sockets.containsKey(name)) {
            return;
        }
        Handshake handshake = new Handshake(
                packet.data() == null ? NullNode.getInstance() : packet.data(), headers, query, remoteAddress);
        AuthResult result;
        try {
            result = namespace.authenticate(handshake);
        } catch (RuntimeException e) {
            log.warn("namespace {}: authenticator failed", name, e);
            result = AuthResult.reject("server error", null);
        }
        if (result instanceof AuthResult.Rejected rejected) {
            Map<String, Object> body = new HashMap<>();
            body.put("message", rejected.message());
            if (rejected.data() != null) {
                body.put("data", rejected.data());
            }
            send(SocketIoPacket.message(
                    SocketIoPacket.Type.CONNECT_ERROR, name, -1, server.mapper().writeValueAsString(body)));
            return;
        }
        Object attachment = ((AuthResult.Accepted) result).attachment();
        SocketImpl socket = new SocketImpl(this, namespace, server.newId(), attachment);
        sockets.put(name, socket);
        ScheduledFuture<?> timeout = connectTimeout;
        if (timeout != null) {
            timeout.cancel(false);
            connectTimeout = null;
        }
        send(SocketIoPacket.message(SocketIoPacket.Type.CONNECT, name, -1, "{\"sid\":\"" + socket.id() + "\"}"));
        namespace.added(socket);
    }

    /** A server-side disconnect of one socket. On the loop. */
    void disconnect(SocketImpl socket) {
        if (sockets.get(socket.namespace().name()) != socket) {
            return;
        }
        sockets.remove(socket.namespace().name());
        send(SocketIoPacket.message(
                SocketIoPacket.Type.DISCONNECT, socket.namespace().name(), -1, null));
        socket.closed("server namespace disconnect");
    }

    // ---- closing (on the loop) -----------------------------------------------------------------------------------

    void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        server.removeSession(this);
        cancel(pingTask);
        cancel(pongTimeout);
        cancel(connectTimeout);
        PollRequest get = pendingGet;
        pendingGet = null;
        if (get != null) {
            queue.add("1");
            get.respond(EnginePayload.join(queue));
        }
        queue.clear();
        Channel ws = websocket;
        if (ws != null) {
            ws.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
        }
        Channel probing = probe;
        if (probing != null) {
            probing.close();
        }
        List<SocketImpl> open = new ArrayList<>(sockets.values());
        sockets.clear();
        for (SocketImpl socket : open) {
            socket.closed(reason);
        }
    }

    private static void cancel(@Nullable ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}

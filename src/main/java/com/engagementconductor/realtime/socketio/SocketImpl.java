package com.engagementconductor.realtime.socketio;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** A socket: one namespace on one Engine.IO session. */
final class SocketImpl implements Socket {
    private static final Logger log = LoggerFactory.getLogger(SocketImpl.class);

    private final EngineSession session;
    private final NamespaceImpl namespace;
    private final String id;
    private final @Nullable Object attachment;
    private final Map<String, List<EventHandler>> handlers = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<String>> disconnectListeners = new CopyOnWriteArrayList<>();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private volatile @Nullable String disconnectReason;

    SocketImpl(EngineSession session, NamespaceImpl namespace, String id, @Nullable Object attachment) {
        this.session = session;
        this.namespace = namespace;
        this.id = id;
        this.attachment = attachment;
    }

    EngineSession session() {
        return session;
    }

    NamespaceImpl namespace() {
        return namespace;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public @Nullable Object attachment() {
        return attachment;
    }

    @Override
    public String transport() {
        return session.transport();
    }

    @Override
    public void on(String event, EventHandler handler) {
        handlers.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(handler);
    }

    @Override
    public void onDisconnect(Consumer<String> reasonListener) {
        disconnectListeners.add(reasonListener);
        String reason = disconnectReason;
        if (reason != null && disconnectListeners.remove(reasonListener)) {
            runListener(reasonListener, reason);
        }
    }

    @Override
    public void emit(String event, @Nullable String jsonPayload) {
        String packet = SocketIoPacket.event(namespace.name(), event, jsonPayload);
        if (!connected()) {
            return;
        }
        session.execute(() -> {
            if (connected()) {
                session.send(packet);
            }
        });
    }

    @Override
    public void join(String room) {
        rooms.add(room);
        namespace.joined(room, this);
        if (!connected()) {
            namespace.left(room, this);
            rooms.remove(room);
        }
    }

    @Override
    public void leave(String room) {
        if (rooms.remove(room)) {
            namespace.left(room, this);
        }
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms);
    }

    @Override
    public void disconnect() {
        session.execute(() -> session.disconnect(this));
    }

    @Override
    public boolean connected() {
        return disconnectReason == null;
    }

    /** Runs the handlers of a client event. On the loop. */
    void dispatch(SocketIoPacket packet) {
        JsonNode data = packet.data();
        if (data == null || !connected()) {
            return;
        }
        String event = data.get(0).asString();
        List<EventHandler> eventHandlers = handlers.get(event);
        if (eventHandlers == null) {
            return;
        }
        ArrayNode args = session.server.mapper().createArrayNode();
        for (int i = 1; i < data.size(); i++) {
            args.add(data.get(i));
        }
        Ack ack = packet.ackId() >= 0 ? new OnceAck(packet.ackId()) : null;
        for (EventHandler handler : eventHandlers) {
            try {
                handler.handle(this, args, ack);
            } catch (RuntimeException e) {
                log.warn("socket {}: handler of event '{}' failed", id, event, e);
            }
        }
    }

    /** Marks the socket disconnected, leaves its rooms and runs the listeners once. On the loop. */
    void closed(String reason) {
        if (disconnectReason != null) {
            return;
        }
        disconnectReason = reason;
        for (String room : rooms) {
            namespace.left(room, this);
        }
        rooms.clear();
        namespace.removed(this);
        for (Consumer<String> listener : disconnectListeners) {
            if (disconnectListeners.remove(listener)) {
                runListener(listener, reason);
            }
        }
    }

    private void runListener(Consumer<String> listener, String reason) {
        try {
            listener.accept(reason);
        } catch (RuntimeException e) {
            log.warn("socket {}: disconnect listener failed", id, e);
        }
    }

    private final class OnceAck implements Ack {
        private final long ackId;
        private final AtomicBoolean sent = new AtomicBoolean();

        OnceAck(long ackId) {
            this.ackId = ackId;
        }

        @Override
        public void send(@Nullable String jsonPayload) {
            if (!sent.compareAndSet(false, true)) {
                return;
            }
            String packet = SocketIoPacket.ack(namespace.name(), ackId, jsonPayload);
            session.execute(() -> {
                if (connected()) {
                    session.send(packet);
                }
            });
        }
    }
}

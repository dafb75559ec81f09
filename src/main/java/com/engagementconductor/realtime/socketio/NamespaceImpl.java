package com.engagementconductor.realtime.socketio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A namespace's sockets and rooms. Rooms are concurrent sets, so joins and broadcasts work from any thread. */
final class NamespaceImpl implements Namespace {
    private static final Logger log = LoggerFactory.getLogger(NamespaceImpl.class);

    private final String name;
    private volatile Function<Handshake, AuthResult> authenticator = handshake -> AuthResult.accept(null);
    private final List<Consumer<Socket>> connectListeners = new CopyOnWriteArrayList<>();
    private final Map<String, SocketImpl> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<SocketImpl>> rooms = new ConcurrentHashMap<>();

    NamespaceImpl(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void authenticator(Function<Handshake, AuthResult> authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public void onConnect(Consumer<Socket> listener) {
        connectListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void broadcast(String room, String event, String jsonPayload) {
        String packet = SocketIoPacket.event(name, event, jsonPayload);
        Set<SocketImpl> members = rooms.get(room);
        if (members == null || members.isEmpty()) {
            return;
        }
        Map<EventLoop, List<SocketImpl>> byLoop = new HashMap<>();
        for (SocketImpl socket : members) {
            byLoop.computeIfAbsent(socket.session().loop, loop -> new ArrayList<>())
                    .add(socket);
        }
        ByteBuf encoded = WebSocketFrames.text(PooledByteBufAllocator.DEFAULT, packet);
        try {
            for (Map.Entry<EventLoop, List<SocketImpl>> entry : byLoop.entrySet()) {
                EventLoop loop = entry.getKey();
                List<SocketImpl> targets = entry.getValue();
                if (loop.inEventLoop()) {
                    deliver(packet, encoded, targets);
                    continue;
                }
                ByteBuf shared = encoded.retain();
                try {
                    loop.execute(() -> {
                        try {
                            deliver(packet, shared, targets);
                        } finally {
                            shared.release();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    shared.release();
                }
            }
        } finally {
            encoded.release();
        }
    }

    private static void deliver(String packet, ByteBuf encoded, List<SocketImpl> targets) {
        for (SocketImpl socket : targets) {
            if (socket.connected()) {
                socket.session().sendShared(packet, encoded);
            }
        }
    }

    @Override
    public int roomSize(String room) {
        Set<SocketImpl> members = rooms.get(room);
        return members == null ? 0 : members.size();
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    int size() {
        return sockets.size();
    }

    AuthResult authenticate(Handshake handshake) {
        return Objects.requireNonNull(authenticator.apply(handshake), "authenticator returned null");
    }

    void added(SocketImpl socket) {
        sockets.put(socket.id(), socket);
        for (Consumer<Socket> listener : connectListeners) {
            try {
                listener.accept(socket);
            } catch (RuntimeException e) {
                log.warn("namespace {}: connect listener failed", name, e);
            }
        }
    }

    void removed(SocketImpl socket) {
        sockets.remove(socket.id(), socket);
    }

    void joined(String room, SocketImpl socket) {
        rooms.compute(room, (key, members) -> {
            Set<SocketImpl> set = members == null ? ConcurrentHashMap.newKeySet() : members;
            set.add(socket);
            return set;
        });
    }

    void left(String room, SocketImpl socket) {
        rooms.computeIfPresent(room, (key, members) -> {
            members.remove(socket);
            return members.isEmpty() ? null : members;
        });
    }
}

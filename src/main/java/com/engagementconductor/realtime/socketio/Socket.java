package com.engagementconductor.realtime.socketio;

import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** One client's connection to one namespace. Safe to use from any thread. */
public interface Socket {
    String id();

    /** The attachment of {@link AuthResult#accept}. */
    @Nullable
    Object attachment();

    /** "polling" or "websocket" (current). */
    String transport();

    /**
     * Handler for a client event; args are the event's arguments after the name (a JSON array node); ack is null when
     * the client sent no ack id.
     */
    void on(String event, EventHandler handler);

    /** Runs exactly once with the reason; immediately when the socket is already disconnected. */
    void onDisconnect(Consumer<String> reasonListener);

    /** One argument, already JSON (null sends the event without arguments). */
    void emit(String event, @Nullable String jsonPayload);

    void join(String room);

    void leave(String room);

    Set<String> rooms();

    /** Server-side disconnect (the client sees "io server disconnect"). */
    void disconnect();

    boolean connected();
}

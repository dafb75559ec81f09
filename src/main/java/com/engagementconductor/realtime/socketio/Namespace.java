package com.engagementconductor.realtime.socketio;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** A Socket.IO namespace such as {@code /events}. */
public interface Namespace {
    String name();

    /** Decides a CONNECT: runs on the event loop; must not block. Without one, every CONNECT is accepted. */
    void authenticator(Function<Handshake, AuthResult> authenticator);

    /** Runs on the event loop right after the CONNECT reply; register the socket's handlers here. */
    void onConnect(Consumer<Socket> listener);

    /** Encodes once and sends to every socket of this namespace in the room (on this server). */
    void broadcast(String room, String event, String jsonPayload);

    int roomSize(String room);

    /** Rooms with at least one socket. */
    Set<String> rooms();
}

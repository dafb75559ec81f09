package com.engagementconductor.realtime.socketio;

/** An inbound Engine.IO or Socket.IO packet that does not follow the protocol; the connection is closed. */
final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedPacketException(String message) {
        super(message, null, false, false);
    }
}

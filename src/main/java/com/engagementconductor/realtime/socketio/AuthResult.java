package com.engagementconductor.realtime.socketio;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The outcome of a namespace's authenticator. */
public sealed interface AuthResult {
    /** The socket connects; the attachment is available as {@link Socket#attachment()}. */
    record Accepted(@Nullable Object attachment) implements AuthResult {}

    /** The client receives CONNECT_ERROR with this message and data (serialised with Jackson). */
    record Rejected(String message, @Nullable Map<String, Object> data) implements AuthResult {}

    static AuthResult accept(@Nullable Object attachment) {
        return new Accepted(attachment);
    }

    static AuthResult reject(String message, @Nullable Map<String, Object> data) {
        return new Rejected(message, data);
    }
}

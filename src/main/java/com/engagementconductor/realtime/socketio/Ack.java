package com.engagementconductor.realtime.socketio;

import org.jspecify.annotations.Nullable;

/** Answers a client event that asked for an acknowledgement: at most once; later calls are ignored. */
public interface Ack {
    /** One argument, already JSON (null acknowledges without arguments). */
    void send(@Nullable String jsonPayload);
}

package com.engagementconductor.realtime.socketio;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;

/** Handles one client event on the event loop; must not block. */
@FunctionalInterface
public interface EventHandler {
    void handle(Socket socket, ArrayNode args, @Nullable Ack ack);
}

package com.engagementconductor.realtime.socketio;

import java.net.InetSocketAddress;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the client sent to connect.
 *
 * @param auth the CONNECT packet's auth object, or {@code NullNode} when the client sent none
 * @param headers the Engine.IO handshake request's headers, lower-case names
 * @param query the Engine.IO handshake request's query parameters (first value of each)
 * @param remoteAddress the peer of the handshake request
 */
public record Handshake(
        JsonNode auth, Map<String, String> headers, Map<String, String> query, InetSocketAddress remoteAddress) {}

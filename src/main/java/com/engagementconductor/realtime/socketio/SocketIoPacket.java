package com.engagementconductor.realtime.socketio;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A decoded Socket.IO v5 text packet, and the encoders for the packets the server sends.
 *
 * @param type the packet type
 * @param namespace the namespace, {@code /} when absent
 * @param ackId the acknowledgement id, -1 when absent
 * @param data the JSON payload, null when absent
 */
record SocketIoPacket(Type type, String namespace, long ackId, @Nullable JsonNode data) {

    static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    enum Type {
        CONNECT,
        DISCONNECT,
        EVENT,
        ACK,
        CONNECT_ERROR,
        BINARY_EVENT,
        BINARY_ACK;

        char code() {
            return (char) ('0' + ordinal());
        }
    }

    private static final int MAX_ACK_DIGITS = 15;

    /** Decodes and validates a packet the way the reference parser does; binary packets are refused. */
    static SocketIoPacket decode(String text, ObjectMapper mapper) {
        if (text.isEmpty()) {
            throw new MalformedPacketException("empty packet");
        }
        char code = text.charAt(0);
        if (code < '0' || code > '6') {
            throw new MalformedPacketException("unknown packet type");
        }
        Type type = Type.values()[code - '0'];
        if (type == Type.BINARY_EVENT || type == Type.BINARY_ACK) {
            throw new MalformedPacketException("binary packets are not supported");
        }
        int i = 1;
        int length = text.length();
        String namespace = "/";
        if (i < length && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? length : comma;
            namespace = text.substring(i, end);
            i = comma < 0 ? length : comma + 1;
        }
        long ackId = -1;
        int digitsStart = i;
        while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i > digitsStart) {
            if (i - digitsStart > MAX_ACK_DIGITS) {
                throw new MalformedPacketException("ack id too long");
            }
            ackId = Long.parseLong(text, digitsStart, i, 10);
        }
        JsonNode data = null;
        if (i < length) {
            try {
                data = mapper.readTree(text.substring(i));
            } catch (JacksonException e) {
                throw new MalformedPacketException("invalid JSON payload");
            }
            if (data == null || data.isMissingNode()) {
                throw new MalformedPacketException("invalid JSON payload");
            }
        }
        if (!valid(type, ackId, data)) {
            throw new MalformedPacketException("invalid payload for " + type);
        }
        return new SocketIoPacket(type, namespace, ackId, data);
    }

    private static boolean valid(Type type, long ackId, @Nullable JsonNode data) {
        return switch (type) {
            case CONNECT -> data == null || data.isObject();
            case DISCONNECT -> data == null;
            case CONNECT_ERROR -> data != null && (data.isObject() || data.isString());
            case EVENT -> data != null
                    && data.isArray()
                    && !data.isEmpty()
                    && data.get(0).isString()
                    && !RESERVED_EVENTS.contains(data.get(0).asString());
            case ACK -> ackId >= 0 && data != null && data.isArray();
            case BINARY_EVENT, BINARY_ACK -> false;
        };
    }

    /** The Engine.IO message packet ({@code 4}) carrying a Socket.IO packet with a raw JSON payload. */
    static String message(Type type, String namespace, long ackId, @Nullable String json) {
        StringBuilder out = new StringBuilder(16 + namespace.length() + (json == null ? 0 : json.length()));
        out.append('4').append(type.code());
        if (!"/".equals(namespace)) {
            out.append(namespace).append(',');
        }
        if (ackId >= 0) {
            out.append(ackId);
        }
        if (json != null) {
            out.append(json);
        }
        return out.toString();
    }

    /** {@code 42<nsp>,["event",payload]} ready for Engine.IO. */
    static String event(String namespace, String event, @Nullable String jsonPayload) {
        checkEventName(event);
        StringBuilder args = new StringBuilder(event.length() + 8 + (jsonPayload == null ? 0 : jsonPayload.length()));
        args.append('[');
        quote(event, args);
        if (jsonPayload != null) {
            args.append(',').append(jsonPayload);
        }
        args.append(']');
        return message(Type.EVENT, namespace, -1, args.toString());
    }

    /** {@code 43<nsp>,<id>[payload]} ready for Engine.IO. */
    static String ack(String namespace, long ackId, @Nullable String jsonPayload) {
        return message(Type.ACK, namespace, ackId, jsonPayload == null ? "[]" : "[" + jsonPayload + "]");
    }

    static void checkEventName(String event) {
        if (RESERVED_EVENTS.contains(event)) {
            throw new IllegalArgumentException("reserved event name: " + event);
        }
    }

    static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

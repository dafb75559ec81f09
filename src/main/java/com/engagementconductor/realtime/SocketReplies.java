package com.engagementconductor.realtime;

import com.engagementconductor.realtime.socketio.Ack;
import com.engagementconductor.shared.Ids;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading a socket event's {@code sessionId} and answering with the acks of contracts §7.2 and §7.3. */
final class SocketReplies {
    private final ObjectMapper json;

    SocketReplies(ObjectMapper json) {
        this.json = json;
    }

    /** The {@code sessionId} of the event's first argument, when it is an object with a valid id; else null. */
    static @Nullable String sessionId(ArrayNode args) {
        JsonNode first = args.isEmpty() ? null : args.get(0);
        JsonNode id = first != null && first.isObject() ? first.get("sessionId") : null;
        if (id == null || !id.isString() || !Ids.valid(id.asString())) {
            return null;
        }
        return id.asString();
    }

    /** {@code {"success":true}}, to add fields to. */
    ObjectNode ok() {
        ObjectNode body = json.createObjectNode();
        body.put("success", true);
        return body;
    }

    /** {@code {"success":false,"error":code}}; dropped when the client passed no ack callback. */
    void error(@Nullable Ack ack, String code) {
        ObjectNode body = json.createObjectNode();
        body.put("success", false);
        body.put("error", code);
        send(ack, body);
    }

    void send(@Nullable Ack ack, ObjectNode body) {
        if (ack != null) {
            ack.send(json.writeValueAsString(body));
        }
    }
}

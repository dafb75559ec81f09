package com.engagementconductor.realtime;

import com.engagementconductor.realtime.socketio.AuthResult;
import com.engagementconductor.realtime.socketio.Handshake;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.shared.auth.TokenRejected;
import com.engagementconductor.shared.auth.Tokens;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Socket.IO handshake (contracts §3.3): the token comes only from the CONNECT payload's {@code auth.token},
 * raw or {@code Bearer }-prefixed; a missing or invalid one is refused before the socket exists with
 * {@code unauthorized} and a code.
 */
final class SocketAuth {
    private final Tokens tokens;

    SocketAuth(Tokens tokens) {
        this.tokens = tokens;
    }

    AuthResult authenticate(Handshake handshake) {
        JsonNode auth = handshake.auth();
        JsonNode token = auth != null && auth.isObject() ? auth.get("token") : null;
        if (token == null || !token.isString() || token.asString().isBlank()) {
            return AuthResult.reject("unauthorized", Map.of("code", "missing_token"));
        }
        try {
            Caller caller = tokens.verify(token.asString().trim());
            return AuthResult.accept(new SocketConnection(caller));
        } catch (TokenRejected e) {
            return AuthResult.reject("unauthorized", Map.of("code", e.reason().code()));
        }
    }
}

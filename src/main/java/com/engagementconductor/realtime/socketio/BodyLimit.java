package com.engagementconductor.realtime.socketio;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/** Aggregates HTTP bodies up to the packet limit; a larger body gets 413, closes the connection and its session. */
final class BodyLimit extends HttpObjectAggregator {
    private final SocketIoServer server;

    BodyLimit(SocketIoServer server, int maxBytes) {
        super(maxBytes);
        this.server = server;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            List<String> sid =
                    new QueryStringDecoder(request.uri()).parameters().get("sid");
            if (sid != null && !sid.isEmpty()) {
                EngineSession session = server.session(sid.get(0));
                if (session != null) {
                    session.execute(() -> session.close("transport error"));
                }
            }
        }
        HttpResponses.closing(
                ctx,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "{\"code\":3,\"message\":\"Bad request\"}",
                "application/json",
                null);
    }
}

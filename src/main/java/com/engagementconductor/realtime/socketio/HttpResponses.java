package com.engagementconductor.realtime.socketio;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.jspecify.annotations.Nullable;

/** Immediate HTTP answers that end the connection, and CORS headers. */
final class HttpResponses {
    private HttpResponses() {}

    static void cors(FullHttpResponse response, @Nullable String origin) {
        if (origin != null) {
            response.headers()
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                    .set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        }
    }

    /** Writes the response and closes the connection. */
    static void closing(
            ChannelHandlerContext ctx, HttpResponseStatus status, String body, String type, @Nullable String origin) {
        ByteBuf content = ByteBufUtil.writeUtf8(ctx.alloc(), body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        cors(response, origin);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    static void engineError(ChannelHandlerContext ctx, int code, String message, @Nullable String origin) {
        closing(
                ctx,
                HttpResponseStatus.BAD_REQUEST,
                "{\"code\":" + code + ",\"message\":\"" + message + "\"}",
                "application/json",
                origin);
    }
}

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

/** One HTTP request waiting for its answer; answered at most once, from any thread. */
final class PollRequest {
    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final @Nullable String origin;
    private boolean answered;

    PollRequest(ChannelHandlerContext ctx, boolean keepAlive, @Nullable String origin) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.origin = origin;
    }

    boolean sameChannel(PollRequest other) {
        return ctx.channel() == other.ctx.channel();
    }

    void respond(String payload) {
        write(HttpResponseStatus.OK, payload, "text/plain; charset=UTF-8", keepAlive);
    }

    void respondOk() {
        write(HttpResponseStatus.OK, "ok", "text/html", keepAlive);
    }

    void error(int status, int code, String message) {
        write(
                HttpResponseStatus.valueOf(status),
                "{\"code\":" + code + ",\"message\":\"" + message + "\"}",
                "application/json",
                keepAlive);
    }

    private synchronized void write(HttpResponseStatus status, String body, String contentType, boolean keep) {
        if (answered) {
            return;
        }
        answered = true;
        ByteBuf content = ByteBufUtil.writeUtf8(ctx.alloc(), body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        HttpResponses.cors(response, origin);
        if (keep) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}

package com.engagementconductor.realtime.socketio;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a websocket's text messages to its session; binary messages and protocol errors close it. */
final class EngineWsHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(EngineWsHandler.class);

    private final EngineSession session;
    private final WebSocketServerHandshaker handshaker;
    private boolean failed;

    EngineWsHandler(EngineSession session, WebSocketServerHandshaker handshaker) {
        this.session = session;
        this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        Channel channel = ctx.channel();
        if (frame instanceof TextWebSocketFrame text) {
            String packet = text.text();
            if (packet.isEmpty()) {
                fail(channel);
                return;
            }
            session.execute(() -> session.onWebsocketText(channel, packet));
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()), ctx.voidPromise());
        } else if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(channel, (CloseWebSocketFrame) frame.retain());
        } else if (frame instanceof BinaryWebSocketFrame) {
            fail(channel);
        }
    }

    private void fail(Channel channel) {
        failed = true;
        session.execute(() -> session.onWebsocketError(channel));
        channel.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        boolean error = failed;
        session.execute(() -> session.onWebsocketClosed(channel, error));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("websocket of session {} failed: {}", session.sid, cause.toString());
        failed = true;
        ctx.close();
    }
}

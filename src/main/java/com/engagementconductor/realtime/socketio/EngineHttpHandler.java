package com.engagementconductor.realtime.socketio;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes Engine.IO HTTP requests: handshakes, polls, posts, CORS preflights and websocket upgrades. */
final class EngineHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(EngineHttpHandler.class);

    private final SocketIoServer server;
    private @Nullable EngineSession pollingSession;
    private @Nullable PollRequest lastGet;

    EngineHttpHandler(SocketIoServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            HttpResponses.engineError(ctx, 3, "Bad request", null);
            return;
        }
        SocketIoOptions options = server.options();
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path().endsWith("/") ? uri.path() : uri.path() + "/";
        if (!path.equals(options.path())) {
            HttpResponses.closing(ctx, HttpResponseStatus.NOT_FOUND, "Not Found", "text/plain", null);
            return;
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !options.originAllowed(origin)) {
            HttpResponses.closing(
                    ctx,
                    HttpResponseStatus.FORBIDDEN,
                    "{\"code\":4,\"message\":\"Forbidden\"}",
                    "application/json",
                    null);
            return;
        }
        if (HttpMethod.OPTIONS.equals(request.method())) {
            preflight(ctx, request, origin);
            return;
        }
        Map<String, String> query = firstValues(uri.parameters());
        if (!"4".equals(query.get("EIO"))) {
            HttpResponses.engineError(ctx, 5, "Unsupported protocol version", origin);
            return;
        }
        String transport = query.get("transport");
        if (!"polling".equals(transport) && !"websocket".equals(transport)) {
            HttpResponses.engineError(ctx, 0, "Transport unknown", origin);
            return;
        }
        String sid = query.get("sid");
        EngineSession session = null;
        if (sid != null) {
            session = server.session(sid);
            if (session == null) {
                HttpResponses.engineError(ctx, 1, "Session ID unknown", origin);
                return;
            }
        }
        if ("websocket".equals(transport)) {
            boolean upgrade = "websocket"
                    .equalsIgnoreCase(String.valueOf(request.headers().get(HttpHeaderNames.UPGRADE)));
            if (!upgrade || !HttpMethod.GET.equals(request.method())) {
                HttpResponses.engineError(ctx, 3, "Bad request", origin);
                return;
            }
            upgradeToWebsocket(ctx, request, query, session);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        PollRequest poll = new PollRequest(ctx, keepAlive, origin);
        if (session == null) {
            if (!HttpMethod.GET.equals(request.method())) {
                HttpResponses.engineError(ctx, 2, "Bad handshake method", origin);
                return;
            }
            EngineSession created = newSession(ctx.channel(), "polling", request, query);
            created.openPolling(poll);
            return;
        }
        EngineSession target = session;
        if (HttpMethod.GET.equals(request.method())) {
            pollingSession = target;
            lastGet = poll;
            target.execute(() -> target.onPollGet(poll));
        } else if (HttpMethod.POST.equals(request.method())) {
            String body = request.content().toString(StandardCharsets.UTF_8);
            target.execute(() -> target.onPollPost(poll, body));
        } else {
            HttpResponses.engineError(ctx, 3, "Bad request", origin);
        }
    }

    private EngineSession newSession(
            Channel channel, String transport, FullHttpRequest request, Map<String, String> query) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        EngineSession session = new EngineSession(
                server,
                server.newId(),
                channel.eventLoop(),
                transport,
                Map.copyOf(headers),
                Map.copyOf(query),
                (InetSocketAddress) channel.remoteAddress());
        server.addSession(session);
        return session;
    }

    private void upgradeToWebsocket(
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            Map<String, String> query,
            @Nullable EngineSession existing) {
        int max = server.options().maxPacketBytes();
        WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(max)
                .allowExtensions(false)
                .closeOnProtocolViolation(true)
                .build();
        String url = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(url, null, config).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        Channel channel = ctx.channel();
        EngineSession session = existing != null ? existing : newSession(channel, "websocket", request, query);
        EngineWsHandler frames = new EngineWsHandler(session, handshaker);
        handshaker.handshake(channel, request);
        ctx.pipeline().addLast("ws-aggregator", new WebSocketFrameAggregator(max));
        ctx.pipeline().addLast("ws-engine", frames);
        ctx.pipeline().remove(this);
        if (existing != null) {
            existing.execute(() -> existing.attachProbe(channel));
        } else {
            session.openWebsocket(channel);
        }
    }

    private static void preflight(ChannelHandlerContext ctx, FullHttpRequest request, @Nullable String origin) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT, Unpooled.EMPTY_BUFFER);
        HttpResponses.cors(response, origin);
        response.headers()
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET,HEAD,PUT,PATCH,POST,DELETE")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        String requested = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested != null) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requested);
        }
        if (HttpUtil.isKeepAlive(request)) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(response).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
    }

    private static Map<String, String> firstValues(Map<String, List<String>> parameters) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
        return values;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        EngineSession session = pollingSession;
        PollRequest get = lastGet;
        if (session != null && get != null) {
            session.execute(() -> session.onPollAborted(get));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection failed", cause);
        ctx.close();
    }
}

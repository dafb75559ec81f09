package com.engagementconductor.realtime.socketio;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.IO v5 / Engine.IO v4 server: XHR long-polling and websocket transports, polling-to-websocket upgrade,
 * heartbeats, namespaces with authentication, acknowledgements and rooms.
 */
public final class SocketIoServer implements AutoCloseable {
    private static final int ID_BYTES = 15;

    private final SocketIoOptions options;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, NamespaceImpl> namespaces = new ConcurrentHashMap<>();
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private @Nullable EventLoopGroup boss;
    private @Nullable EventLoopGroup workers;
    private @Nullable Channel serverChannel;
    private boolean started;

    public SocketIoServer(SocketIoOptions options) {
        this.options = options;
    }

    /** Creates or returns a namespace such as {@code /events}; call before {@link #start()}. */
    public Namespace namespace(String name) {
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("namespace must start with '/': " + name);
        }
        return namespaces.computeIfAbsent(name, NamespaceImpl::new);
    }

    /** Binds; throws IllegalStateException with the cause if the port is taken. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        // The native epoll transport writes with fewer copies and less garbage than NIO; NIO where it is missing.
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1, io);
        EventLoopGroup workerGroup = new MultiThreadIoEventLoopGroup(options.workerThreads(), io);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // above 4 MiB of unsent bytes a connection is not writable, and its session is closed
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("http", new HttpServerCodec(8192, 16_384, 8192))
                                .addLast("aggregator", new BodyLimit(SocketIoServer.this, options.maxPacketBytes()))
                                .addLast("engine", new EngineHttpHandler(SocketIoServer.this));
                    }
                });
        try {
            serverChannel =
                    bootstrap.bind(options.host(), options.port()).sync().channel();
        } catch (Exception e) {
            bossGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workerGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot bind " + options.host() + ":" + options.port(), e);
        }
        boss = bossGroup;
        workers = workerGroup;
        started = true;
    }

    /** The bound port. */
    public int port() {
        Channel channel = serverChannel;
        if (channel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Connected sockets across namespaces. */
    public int connectedSockets() {
        int total = 0;
        for (NamespaceImpl namespace : namespaces.values()) {
            total += namespace.size();
        }
        return total;
    }

    /** Closes every connection and releases the port. */
    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        Channel channel = serverChannel;
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        List<EngineSession> open = new ArrayList<>(sessions.values());
        for (EngineSession session : open) {
            session.execute(() -> session.close("server shutting down"));
        }
        EventLoopGroup workerGroup = workers;
        EventLoopGroup bossGroup = boss;
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(50, 2_000, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 1_000, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        sessions.clear();
        serverChannel = null;
    }

    SocketIoOptions options() {
        return options;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    @Nullable
    NamespaceImpl namespaceIfPresent(String name) {
        return namespaces.get(name);
    }

    @Nullable
    EngineSession session(String sid) {
        return sessions.get(sid);
    }

    void addSession(EngineSession session) {
        sessions.put(session.sid, session);
    }

    void removeSession(EngineSession session) {
        sessions.remove(session.sid, session);
    }

    int openSessions() {
        return sessions.size();
    }

    String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

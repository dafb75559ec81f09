package com.engagementconductor.realtime.socketio;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Server settings.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free one (see {@link SocketIoServer#port()})
 * @param path the request path prefix, e.g. {@code /socket.io/}
 * @param pingInterval how often the server pings each connection
 * @param pingTimeout how long the server waits for the pong before closing the connection
 * @param maxPacketBytes the largest inbound HTTP body or websocket message; larger ones close the connection
 * @param allowedOrigins origins allowed to connect ({@code *} allows any)
 * @param workerThreads event loop threads; 0 uses Netty's default
 */
public record SocketIoOptions(
        String host,
        int port,
        String path,
        Duration pingInterval,
        Duration pingTimeout,
        int maxPacketBytes,
        Set<String> allowedOrigins,
        int workerThreads) {

    public SocketIoOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        allowedOrigins = Set.copyOf(allowedOrigins);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
            throw new IllegalArgumentException("ping interval and timeout must be positive");
        }
        if (maxPacketBytes < 64) {
            throw new IllegalArgumentException("maxPacketBytes too small: " + maxPacketBytes);
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads must not be negative: " + workerThreads);
        }
    }

    /** {@code 0.0.0.0}, the given port, {@code /socket.io/}, 25 s / 20 s pings, 16 KiB packets, any origin. */
    public static SocketIoOptions defaults(int port) {
        return new SocketIoOptions(
                "0.0.0.0", port, "/socket.io/", Duration.ofSeconds(25), Duration.ofSeconds(20), 16_384, Set.of("*"), 0);
    }

    public SocketIoOptions withPort(int newPort) {
        return new SocketIoOptions(
                host, newPort, path, pingInterval, pingTimeout, maxPacketBytes, allowedOrigins, workerThreads);
    }

    public SocketIoOptions withPings(Duration interval, Duration timeout) {
        return new SocketIoOptions(host, port, path, interval, timeout, maxPacketBytes, allowedOrigins, workerThreads);
    }

    public SocketIoOptions withAllowedOrigins(Set<String> origins) {
        return new SocketIoOptions(host, port, path, pingInterval, pingTimeout, maxPacketBytes, origins, workerThreads);
    }

    /**
     * Whether an Origin may use polling: {@code *} allows any; an entry with {@code *} (as
     * {@code https://*.example.com}) matches any characters but {@code /} in that place; others match exactly.
     */
    boolean originAllowed(String origin) {
        if (allowedOrigins.contains("*") || allowedOrigins.contains(origin)) {
            return true;
        }
        for (String allowed : allowedOrigins) {
            if (allowed.indexOf('*') >= 0) {
                StringBuilder regex = new StringBuilder();
                for (String part : allowed.split("\\*", -1)) {
                    if (regex.length() > 0) {
                        regex.append("[^/]*");
                    }
                    regex.append(java.util.regex.Pattern.quote(part));
                }
                if (origin.matches(regex.toString())) {
                    return true;
                }
            }
        }
        return false;
    }
}

package com.engagementconductor.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Socket.IO gateway (contracts §7).
 *
 * @param enabled whether this node serves Socket.IO (off for {@code CONDUCTOR_ROLE=agent})
 * @param port {@code SOCKET_PORT}; 0 picks a free port (tests)
 * @param host the address to bind
 * @param pingInterval Engine.IO heartbeat interval
 * @param pingTimeout how long a pong may take before the connection is closed
 * @param maxPacketBytes the largest inbound packet; a larger one closes the connection (§7.6)
 * @param subscribeBurst subscribe calls a socket may make at once (§7.2)
 * @param subscribesPerSecond refill rate of that bucket
 * @param maxSessionsPerSocket sessions one socket may watch at once
 * @param recentAnomaly how long an anomaly stays in a subscriber's snapshot
 */
@ConfigurationProperties("conductor.realtime")
public record RealtimeSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("3002") int port,
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("20s") Duration pingTimeout,
        @DefaultValue("16384") int maxPacketBytes,
        @DefaultValue("20") int subscribeBurst,
        @DefaultValue("20") int subscribesPerSecond,
        @DefaultValue("50") int maxSessionsPerSocket,
        @DefaultValue("5m") Duration recentAnomaly) {

    public RealtimeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("socket port must be 0..65535: " + port);
        }
        if (maxPacketBytes < 1024) {
            throw new IllegalArgumentException("max packet bytes must be >= 1024: " + maxPacketBytes);
        }
        if (subscribeBurst < 1 || subscribesPerSecond < 1 || maxSessionsPerSocket < 1) {
            throw new IllegalArgumentException("subscribe limits must be positive");
        }
    }
}

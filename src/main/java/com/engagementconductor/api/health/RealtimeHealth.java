package com.engagementconductor.api.health;

import com.engagementconductor.realtime.RealtimeGateway;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** The Socket.IO gateway and its connected sockets; {@code disabled} on agent-only nodes. */
@Component
class RealtimeHealth implements ComponentHealth {
    private final RealtimeGateway gateway;

    RealtimeHealth(RealtimeGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "realtime";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public Health health() {
        if (!gateway.enabled()) {
            return Health.status(DISABLED).build();
        }
        return Health.status(gateway.isRunning() ? HEALTHY : UNHEALTHY)
                .withDetail("connected_sockets", gateway.connectedSockets())
                .build();
    }
}

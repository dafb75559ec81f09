package com.engagementconductor.api.health;

import com.engagementconductor.agent.AgentQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** The sessions whose agent runs here and the decisions waiting for organizers; {@code disabled} on gateways. */
@Component
class AgentHealth implements ComponentHealth {
    private final AgentQueries agents;
    private final boolean enabled;

    AgentHealth(AgentQueries agents, @Value("${conductor.role:all}") String role) {
        this.agents = agents;
        this.enabled = !"gateway".equals(role);
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.status(DISABLED).build();
        }
        return Health.status(HEALTHY)
                .withDetail("active_sessions", agents.liveAgents())
                .withDetail("pending_decisions", agents.pendingDecisions())
                .build();
    }
}

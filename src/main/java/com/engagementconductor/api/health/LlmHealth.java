package com.engagementconductor.api.health;

import com.engagementconductor.content.LlmStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Content generation: {@code templates} or {@code anthropic} and each model's breaker; an open breaker degrades the
 * service (content falls back to the next layer) but never makes it unready.
 */
@Component
class LlmHealth implements ComponentHealth {
    private final LlmStatus llm;

    LlmHealth(LlmStatus llm) {
        this.llm = llm;
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public Health health() {
        Map<String, Object> breakers = new LinkedHashMap<>();
        boolean open = false;
        for (Map.Entry<String, String> e : llm.breakerStates().entrySet()) {
            breakers.put(e.getKey(), Map.of("state", e.getValue()));
            open |= !"CLOSED".equals(e.getValue());
        }
        return Health.status(open ? DEGRADED : HEALTHY)
                .withDetail("mode", llm.mode())
                .withDetail("breakers", breakers)
                .build();
    }
}

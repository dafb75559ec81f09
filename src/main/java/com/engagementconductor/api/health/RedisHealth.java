package com.engagementconductor.api.health;

import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.bus.RedisEventBus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code embedded} with the in-process bus; with Redis, whether its connection is up (then required). */
@Component
class RedisHealth implements ComponentHealth {
    private final EventBus bus;

    RedisHealth(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean required() {
        return bus instanceof RedisEventBus;
    }

    @Override
    public Health health() {
        if (!(bus instanceof RedisEventBus redis)) {
            return Health.status(EMBEDDED).build();
        }
        return Health.status(redis.available() ? HEALTHY : UNHEALTHY).build();
    }
}

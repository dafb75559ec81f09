package com.engagementconductor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.shared.bus.InProcessEventBus;
import com.engagementconductor.shared.bus.RedisEventBus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EventBusWiringTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withUserConfiguration(SharedConfiguration.class, RedisBusConfiguration.class);

    @Test
    void withoutARedisUrlTheBusIsInProcess() {
        runner.run(context -> assertThat(context).getBean(EventBus.class).isInstanceOf(InProcessEventBus.class));
        runner.withPropertyValues("conductor.redis.url= ")
                .run(context -> assertThat(context).getBean(EventBus.class).isInstanceOf(InProcessEventBus.class));
    }

    @Test
    void withARedisUrlTheBusIsRedisAndClosesWithTheContext() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        RedisEventBus[] bus = new RedisEventBus[1];
        runner.withPropertyValues("conductor.redis.url=redis://127.0.0.1:" + closedPort)
                .run(context -> {
                    assertThat(context).hasSingleBean(EventBus.class);
                    bus[0] = context.getBean(RedisEventBus.class);
                    assertThat(bus[0].available()).isFalse();
                    bus[0].publish("engagement:update", "{}");
                    assertThat(bus[0].droppedCount()).isEqualTo(1);
                    assertThat(context.getBean(MeterRegistry.class)
                                    .get("conductor.bus.messages.dropped")
                                    .tag("reason", "redis_unavailable")
                                    .counter()
                                    .count())
                            .isEqualTo(1.0);
                });
        bus[0].publish("engagement:update", "{}"); // closed: still never throws
        assertThat(bus[0].droppedCount()).isEqualTo(2);
    }
}

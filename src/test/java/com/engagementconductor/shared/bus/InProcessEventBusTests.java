package com.engagementconductor.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.shared.EventBus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class InProcessEventBusTests extends EventBusContract {

    @Override
    protected EventBus newBus() {
        return new InProcessEventBus(100_000, new SimpleMeterRegistry());
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (InProcessEventBus bus = new InProcessEventBus(1, meters)) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            List<String> got = new CopyOnWriteArrayList<>();
            bus.subscribe("t", (t, p) -> {
                got.add(p);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            bus.publish("t", "1");
            Awaitility.await().until(() -> got.size() == 1);
            bus.publish("t", "2"); // queued
            bus.publish("t", "3"); // queue full: dropped
            release.countDown();
            Awaitility.await().until(() -> got.size() == 2);
            assertThat(got).containsExactly("1", "2");
            assertThat(meters.get("conductor.bus.messages.dropped").counter().count())
                    .isEqualTo(1.0);
        }
    }
}

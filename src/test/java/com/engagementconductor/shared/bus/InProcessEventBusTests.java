package com.engagementconductor.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class InProcessEventBusTests {

    @Test
    void deliversInPublicationOrderToExactAndPatternSubscribers() {
        try (InProcessEventBus bus = new InProcessEventBus(100, new SimpleMeterRegistry())) {
            List<String> exact = new CopyOnWriteArrayList<>();
            List<String> pattern = new CopyOnWriteArrayList<>();
            bus.subscribe("session:s1:events", (t, p) -> exact.add(p));
            bus.subscribe("session:*:events", (t, p) -> pattern.add(t + "=" + p));
            bus.publish("session:s1:events", "a");
            bus.publish("session:s2:events", "b");
            bus.publish("engagement:update", "c");
            bus.publish("session:s1:events", "d");
            Awaitility.await().until(() -> pattern.size() == 3 && exact.size() == 2);
            assertThat(exact).containsExactly("a", "d");
            assertThat(pattern).containsExactly("session:s1:events=a", "session:s2:events=b", "session:s1:events=d");
        }
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

    @Test
    void aCancelledSubscriptionReceivesNothingMore() {
        try (InProcessEventBus bus = new InProcessEventBus(100, new SimpleMeterRegistry())) {
            List<String> got = new CopyOnWriteArrayList<>();
            var sub = bus.subscribe("t", (t, p) -> got.add(p));
            bus.publish("t", "1");
            Awaitility.await().until(() -> got.size() == 1);
            sub.close();
            bus.publish("t", "2");
            bus.publish("other", "x");
            List<String> marker = new CopyOnWriteArrayList<>();
            bus.subscribe("done", (t, p) -> marker.add(p));
            bus.publish("done", "!");
            Awaitility.await().until(() -> marker.size() == 1);
            assertThat(got).containsExactly("1");
        }
    }
}

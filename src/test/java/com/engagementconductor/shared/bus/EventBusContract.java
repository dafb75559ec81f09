package com.engagementconductor.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.shared.EventBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventBus} must do, whatever carries the messages: run by the in-process bus's tests and
 * by the Redis bus's integration test. Subscribing may take effect asynchronously (on Redis, the SUBSCRIBE
 * reaches the server later), so tests call {@link #settle()} between subscribing and publishing.
 */
abstract class EventBusContract {

    protected EventBus bus;
    private final AtomicInteger probes = new AtomicInteger();

    /** A new bus, started; the contract closes it after each test. */
    protected abstract EventBus newBus();

    /** The name a test uses for a topic or pattern; a shared server namespaces them per run. */
    protected String topic(String name) {
        return name;
    }

    protected ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(20));
    }

    @BeforeEach
    void startBus() {
        bus = newBus();
    }

    @AfterEach
    void closeBus() throws Exception {
        ((AutoCloseable) bus).close();
    }

    /**
     * Waits until every earlier subscription of this test is in effect: a probe subscribed last receives a
     * message only once the subscriptions issued before it are active.
     */
    protected void settle() {
        String probe = topic("probe:" + probes.incrementAndGet());
        List<String> got = new CopyOnWriteArrayList<>();
        EventBus.Subscription sub = bus.subscribe(probe, (t, p) -> got.add(p));
        try {
            await().pollInterval(Duration.ofMillis(20)).until(() -> {
                bus.publish(probe, "ping");
                return !got.isEmpty();
            });
        } finally {
            sub.close();
        }
    }

    @Test
    void deliversATopicToItsSubscribersOnly() {
        List<String> one = new CopyOnWriteArrayList<>();
        List<String> two = new CopyOnWriteArrayList<>();
        bus.subscribe(topic("session:s1:events"), (t, p) -> one.add(t + "=" + p));
        bus.subscribe(topic("session:s2:events"), (t, p) -> two.add(p));
        settle();
        bus.publish(topic("session:s1:events"), "a");
        bus.publish(topic("session:s2:events"), "x");
        bus.publish(topic("session:s1:events"), "b");
        bus.publish(topic("session:s3:events"), "z");
        await().until(() -> one.size() == 2 && two.size() == 1);
        assertThat(one).containsExactly(topic("session:s1:events") + "=a", topic("session:s1:events") + "=b");
        assertThat(two).containsExactly("x");
    }

    @Test
    void deliversEveryMatchingTopicToAPatternSubscriberWithTheTopicName() {
        List<String> got = new CopyOnWriteArrayList<>();
        List<String> literal = new CopyOnWriteArrayList<>();
        bus.subscribe(topic("session:*:events"), (t, p) -> got.add(t + "=" + p));
        bus.subscribe(topic("q?:*"), (t, p) -> literal.add(t + "=" + p)); // '?' is no wildcard
        settle();
        bus.publish(topic("session:s1:events"), "a");
        bus.publish(topic("engagement:update"), "b");
        bus.publish(topic("session:s2:events"), "c");
        bus.publish(topic("session:s1:eventsX"), "d");
        bus.publish(topic("qx:1"), "e");
        bus.publish(topic("q?:2"), "f");
        bus.publish(topic("session:s1:events"), "g");
        await().until(() -> got.size() == 3 && literal.size() == 1);
        assertThat(got)
                .containsExactly(
                        topic("session:s1:events") + "=a",
                        topic("session:s2:events") + "=c",
                        topic("session:s1:events") + "=g");
        assertThat(literal).containsExactly(topic("q?:2") + "=f");
    }

    @Test
    void keepsPublicationOrderPerTopicUnderABurst() {
        int n = 10_000;
        List<String> a = new ArrayList<>(); // only the delivery thread appends
        List<String> b = new ArrayList<>();
        AtomicInteger delivered = new AtomicInteger();
        bus.subscribe(topic("burst:a"), (t, p) -> {
            a.add(p);
            delivered.incrementAndGet();
        });
        bus.subscribe(topic("burst:b"), (t, p) -> {
            b.add(p);
            delivered.incrementAndGet();
        });
        settle();
        for (int i = 0; i < n; i++) {
            bus.publish(topic("burst:a"), Integer.toString(i));
            bus.publish(topic("burst:b"), Integer.toString(n - i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.get() == 2 * n);
        assertThat(a)
                .containsExactlyElementsOf(
                        IntStream.range(0, n).mapToObj(Integer::toString).toList());
        assertThat(b)
                .containsExactlyElementsOf(IntStream.range(0, n)
                        .mapToObj(i -> Integer.toString(n - i))
                        .toList());
    }

    @Test
    void everyLocalSubscriberOfATopicGetsEachMessageOnce() {
        List<List<String>> lists =
                List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        lists.forEach(list -> bus.subscribe(topic("shared"), (t, p) -> list.add(p)));
        settle();
        bus.publish(topic("shared"), "1");
        bus.publish(topic("shared"), "2");
        bus.publish(topic("shared"), "end");
        await().until(() -> lists.stream().allMatch(list -> list.contains("end")));
        lists.forEach(list -> assertThat(list).containsExactly("1", "2", "end"));
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreWhileOthersStillDo() {
        List<String> closed = new CopyOnWriteArrayList<>();
        List<String> open = new CopyOnWriteArrayList<>();
        List<String> alone = new CopyOnWriteArrayList<>();
        EventBus.Subscription sub = bus.subscribe(topic("t"), (t, p) -> closed.add(p));
        bus.subscribe(topic("t"), (t, p) -> open.add(p));
        EventBus.Subscription aloneSub = bus.subscribe(topic("u"), (t, p) -> alone.add(p));
        settle();
        bus.publish(topic("t"), "1");
        bus.publish(topic("u"), "1");
        await().until(() -> closed.size() == 1 && open.size() == 1 && alone.size() == 1);
        sub.close();
        aloneSub.close();
        bus.publish(topic("t"), "2");
        bus.publish(topic("u"), "2");
        List<String> marker = new CopyOnWriteArrayList<>();
        bus.subscribe(topic("u"), (t, p) -> marker.add(p));
        settle();
        bus.publish(topic("t"), "3");
        bus.publish(topic("u"), "3");
        await().until(() -> open.contains("3") && marker.contains("3"));
        assertThat(closed).containsExactly("1");
        assertThat(alone).containsExactly("1");
        assertThat(open).containsExactly("1", "2", "3");
    }

    @Test
    void closingTwiceClosesOnlyThatSubscription() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        EventBus.Subscription sub = bus.subscribe(topic("twice"), (t, p) -> first.add(p));
        bus.subscribe(topic("twice"), (t, p) -> second.add(p));
        sub.close();
        sub.close();
        settle();
        bus.publish(topic("twice"), "1");
        await().until(() -> second.size() == 1);
        assertThat(first).isEmpty();
        assertThat(second).containsExactly("1");
    }

    @Test
    void aThrowingHandlerDoesNotStopTheOthers() {
        AtomicInteger calls = new AtomicInteger();
        List<String> got = new CopyOnWriteArrayList<>();
        bus.subscribe(topic("boom"), (t, p) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("handler failure " + p);
        });
        bus.subscribe(topic("boom"), (t, p) -> got.add(p));
        bus.subscribe(topic("b*m"), (t, p) -> {
            throw new IllegalStateException("pattern handler failure " + p);
        });
        settle();
        bus.publish(topic("boom"), "1");
        bus.publish(topic("boom"), "2");
        bus.publish(topic("boom"), "3");
        await().until(() -> got.size() == 3);
        assertThat(got).containsExactly("1", "2", "3");
        assertThat(calls).hasValue(3);
    }
}

package com.engagementconductor.intervention;

import com.engagementconductor.shared.EventBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Records every message on some topics (or glob patterns) of the bus, in arrival order. */
public final class BusRecorder implements AutoCloseable {
    /** One recorded message. */
    public record Message(String topic, String payload) {}

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();

    public BusRecorder(EventBus bus, String... topics) {
        for (String topic : topics) {
            subscriptions.add(bus.subscribe(topic, (t, p) -> messages.add(new Message(t, p))));
        }
    }

    /** Payloads on one exact topic that contain {@code text}, in order. */
    public List<String> payloads(String topic, String text) {
        return messages.stream()
                .filter(m -> m.topic().equals(topic) && m.payload().contains(text))
                .map(Message::payload)
                .toList();
    }

    public List<String> payloads(String topic) {
        return payloads(topic, "");
    }

    /** Waits until at least {@code count} payloads on {@code topic} contain {@code text}; returns them all. */
    public List<String> await(String topic, String text, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> payloads(topic, text).size() >= count);
        return payloads(topic, text);
    }

    /** Waits for a payload on {@code topic} that matches, and returns the first one that does. */
    public String awaitMatching(String topic, Predicate<String> match) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> payloads(topic).stream()
                .anyMatch(match));
        return payloads(topic).stream().filter(match).findFirst().orElseThrow();
    }

    public List<Message> all() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
    }
}

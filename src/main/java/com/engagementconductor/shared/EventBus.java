package com.engagementconductor.shared;

import java.util.function.BiConsumer;

/**
 * Publish/subscribe of UTF-8 JSON messages on named topics (Redis channels and streams, or their in-process
 * twins with byte-identical payloads). Handlers run on the bus's delivery thread and must not block.
 */
public interface EventBus {

    /** Publishes a payload on a topic; never blocks the caller on slow subscribers. */
    void publish(String topic, String payload);

    /** Subscribes to one topic, or to a glob pattern such as {@code session:*:events}; handler gets (topic, payload). */
    Subscription subscribe(String topicOrPattern, BiConsumer<String, String> handler);

    /** A subscription that can be cancelled. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

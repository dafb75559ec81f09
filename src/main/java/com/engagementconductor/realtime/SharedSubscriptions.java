package com.engagementconductor.realtime;

import com.engagementconductor.shared.EventBus;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Bus subscriptions shared by this node's sockets: one per session, taken by the first socket that needs it and
 * closed when the last one lets go.
 */
final class SharedSubscriptions implements AutoCloseable {
    private final Function<String, EventBus.Subscription> subscribe;
    private final Map<String, Hold> holds = new HashMap<>();

    /** A session's subscription and how many local sockets hold it. */
    private static final class Hold {
        final EventBus.Subscription subscription;
        int holders;

        Hold(EventBus.Subscription subscription) {
            this.subscription = subscription;
        }
    }

    /** @param subscribe opens the bus subscription for a session id */
    SharedSubscriptions(Function<String, EventBus.Subscription> subscribe) {
        this.subscribe = subscribe;
    }

    synchronized void acquire(String sessionId) {
        holds.computeIfAbsent(sessionId, id -> new Hold(subscribe.apply(id))).holders++;
    }

    synchronized void release(String sessionId) {
        Hold hold = holds.get(sessionId);
        if (hold != null && --hold.holders <= 0) {
            holds.remove(sessionId);
            hold.subscription.close();
        }
    }

    /** Sessions subscribed on this node. */
    synchronized int size() {
        return holds.size();
    }

    @Override
    public synchronized void close() {
        holds.values().forEach(h -> h.subscription.close());
        holds.clear();
    }
}

package com.engagementconductor.shared;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Sequence numbers of the embedded topology, kept in memory. */
public final class InMemorySequenceNumbers implements SequenceNumbers {
    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public long next(String sessionId) {
        return counters.computeIfAbsent(sessionId, s -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public long current(String sessionId) {
        AtomicLong c = counters.get(sessionId);
        return c == null ? 0 : c.get();
    }

    @Override
    public void release(String sessionId) {
        counters.remove(sessionId);
    }
}

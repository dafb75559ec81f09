package com.engagementconductor.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Session lanes on a fixed set of single-threaded executors ({@code conductor-agent-N}); a session hashes to one. */
public final class PooledSessionLanes implements SessionLanes, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PooledSessionLanes.class);
    private final List<ExecutorService> lanes = new ArrayList<>();

    public PooledSessionLanes(int size) {
        this(size, "conductor-agent-");
    }

    /** Lanes whose threads are named {@code namePrefix} followed by 1, 2, … */
    public PooledSessionLanes(int size, String namePrefix) {
        if (size < 1) {
            throw new IllegalArgumentException("lane count must be >= 1: " + size);
        }
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < size; i++) {
            lanes.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, namePrefix + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }));
        }
    }

    @Override
    public void execute(String sessionId, Runnable task) {
        lanes.get(Math.floorMod(sessionId.hashCode(), lanes.size())).execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("session {} task failed", sessionId, e);
            }
        });
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package com.engagementconductor.intervention;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@link RecordWriter} on its own thread, {@code conductor-records}, with a bounded queue (the outbox memory
 * queue size). Stopping drains what was queued.
 */
@Component
class ThreadRecordWriter implements RecordWriter, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ThreadRecordWriter.class);

    private final BlockingQueue<Runnable> queue;
    private final int capacity;
    private volatile boolean running;
    private volatile Thread thread = new Thread(() -> {});

    ThreadRecordWriter(InterventionSettings settings) {
        this.capacity = settings.outboxMemoryQueue();
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    @Override
    public void execute(Runnable work) {
        if (!running && !Thread.currentThread().equals(thread)) {
            work.run(); // before start and after stop: write on the caller's thread
            return;
        }
        if (!queue.offer(work)) {
            throw new StoreUnavailable(capacity + " records already wait for the record writer", null);
        }
    }

    @Override
    public boolean onWriter() {
        return Thread.currentThread().equals(thread);
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            Runnable work;
            try {
                work = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (!running) {
                    drain();
                    return;
                }
                continue;
            }
            if (work != null) {
                run(work);
            }
        }
    }

    private void drain() {
        Runnable work;
        while ((work = queue.poll()) != null) {
            run(work);
        }
    }

    private static void run(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("record writer: a write failed: {}", e.toString(), e);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "conductor-records");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            log.error("stopping with {} record(s) not written", queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the agent (which submits) and before the outbox relay (which publishes what it wrote). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}

package com.engagementconductor.support;

import com.engagementconductor.intervention.RecordWriter;
import com.engagementconductor.shared.PooledSessionLanes;
import com.engagementconductor.shared.SessionLanes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A hand-moved clock and one real session lane, for tests where work arrives from several threads (bus
 * deliveries, REST calls) and must still be confined to the lane; {@link Lane#settle} waits for queued tasks.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LaneTestConfiguration {

    /** The single lane, with a way to wait until everything queued so far has run. */
    public static final class Lane implements SessionLanes, AutoCloseable {
        private final PooledSessionLanes lanes = new PooledSessionLanes(1);

        @Override
        public void execute(String sessionId, Runnable task) {
            lanes.execute(sessionId, task);
        }

        public void settle() {
            CompletableFuture<Void> done = new CompletableFuture<>();
            lanes.execute("settle", () -> done.complete(null));
            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("lane did not settle", e);
            }
        }

        @Override
        public void close() {
            lanes.close();
        }
    }

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ConductorTestConfiguration.START);
    }

    @Bean(destroyMethod = "close")
    @Primary
    Lane singleLane() {
        return new Lane();
    }

    /** Agent records written on the thread that submits them, so a test sees them when its call returns. */
    @Bean
    @Primary
    RecordWriter inlineRecords() {
        return RecordWriter.INLINE;
    }
}

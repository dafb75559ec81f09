package com.engagementconductor.support;

import com.engagementconductor.intervention.RecordWriter;
import com.engagementconductor.shared.SessionLanes;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A hand-moved clock and inline session lanes, so context tests run deterministically without sleeping. */
@TestConfiguration(proxyBeanMethods = false)
public class ConductorTestConfiguration {
    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }

    @Bean
    @Primary
    SessionLanes inlineLanes() {
        return (sessionId, task) -> task.run();
    }

    /** Agent records written on the thread that submits them, so a test sees them when its call returns. */
    @Bean
    @Primary
    RecordWriter inlineRecords() {
        return RecordWriter.INLINE;
    }
}

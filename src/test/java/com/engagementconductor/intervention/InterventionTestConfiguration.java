package com.engagementconductor.intervention;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A settable attendee audience and a recorder of {@link InterventionExecuted} events. */
@TestConfiguration(proxyBeanMethods = false)
public class InterventionTestConfiguration {

    @Bean
    TestAudience testAudience() {
        return new TestAudience();
    }

    @Bean
    ExecutedEvents executedEvents() {
        return new ExecutedEvents();
    }
}

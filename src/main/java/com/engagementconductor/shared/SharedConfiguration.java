package com.engagementconductor.shared;

import com.engagementconductor.shared.bus.InProcessEventBus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The clock, session lanes, sequence numbers and the embedded event bus. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InstantSource instantSource() {
        return InstantSource.system();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SessionLanes sessionLanes() {
        return new PooledSessionLanes(Runtime.getRuntime().availableProcessors());
    }

    @Bean
    @ConditionalOnMissingBean
    SequenceNumbers sequenceNumbers() {
        return new InMemorySequenceNumbers();
    }

    /** The embedded topology's bus; with {@code REDIS_URL} set, {@link RedisBusConfiguration} provides the bus. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventBus.class)
    @Conditional(RedisBusConfiguration.RedisUrlUnset.class)
    InProcessEventBus inProcessEventBus(MeterRegistry meters) {
        return new InProcessEventBus(200_000, meters);
    }
}

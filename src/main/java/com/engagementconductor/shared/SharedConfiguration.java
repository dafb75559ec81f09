package com.engagementconductor.shared;

import com.engagementconductor.shared.bus.InProcessEventBus;
import com.engagementconductor.shared.web.ClientAddress;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The clock, client addresses, session lanes, sequence numbers and the embedded event bus. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InstantSource instantSource() {
        return InstantSource.system();
    }

    /** Client addresses under {@code TRUSTED_PROXIES} (contracts §2), for rate limiting and forwarded URLs. */
    @Bean
    @ConditionalOnMissingBean
    ClientAddress clientAddress(@Value("${conductor.web.trusted-proxies:}") String trustedProxies) {
        return ClientAddress.trusting(trustedProxies);
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

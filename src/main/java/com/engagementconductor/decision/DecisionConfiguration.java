package com.engagementconductor.decision;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's policy over the statistics store. Decisions run on many session lanes at once, so the policy
 * draws from each thread's own generator; tests and the offline evaluation build policies with a seeded one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DecisionSettings.class)
class DecisionConfiguration {

    @Bean
    InterventionPolicy interventionPolicy(DecisionSettings settings, BanditStatistics statistics) {
        return new InterventionPolicy(settings.bandit(), statistics, new PerThreadRandom());
    }

    /** {@link ThreadLocalRandom} of the calling thread: thread-safe without contention. */
    private static final class PerThreadRandom implements RandomGenerator {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }

        @Override
        public double nextGaussian() {
            return ThreadLocalRandom.current().nextGaussian();
        }
    }
}

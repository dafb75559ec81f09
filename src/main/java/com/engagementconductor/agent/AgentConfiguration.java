package com.engagementconductor.agent;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agent's limits and its random sources: decision and intervention ids, and template choice (seeded). */
@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

    @Bean
    InterventionLimits interventionLimits() {
        return new InterventionLimits();
    }

    @Bean
    RandomGenerator decisionIds() {
        return new SecureRandom();
    }

    @Bean
    RandomGenerator contentRandom(@Value("${conductor.content.template-seed:7}") long seed) {
        return new SynchronizedRandom(new SplittableRandom(seed));
    }

    /** A seeded generator safe to share between lanes. */
    static final class SynchronizedRandom implements RandomGenerator {
        private final SplittableRandom random;

        SynchronizedRandom(SplittableRandom random) {
            this.random = random;
        }

        @Override
        public synchronized long nextLong() {
            return random.nextLong();
        }
    }
}

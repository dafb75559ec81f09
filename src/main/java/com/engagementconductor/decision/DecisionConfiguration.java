package com.engagementconductor.decision;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The policy; with {@code conductor.decision.seed} set (tests, reproducible runs) it draws from one seeded
     * generator shared under a lock instead.
     */
    @Bean
    InterventionPolicy interventionPolicy(
            DecisionSettings settings,
            BanditStatistics statistics,
            @Value("${conductor.decision.seed:#{null}}") @Nullable Long seed) {
        RandomGenerator random = seed == null ? new PerThreadRandom() : new SeededRandom(seed);
        return new InterventionPolicy(settings.bandit(), statistics, random);
    }

    /** One seeded generator, safe to share between lanes. */
    private static final class SeededRandom implements RandomGenerator {
        private final java.util.SplittableRandom random;

        SeededRandom(long seed) {
            this.random = new java.util.SplittableRandom(seed);
        }

        @Override
        public synchronized long nextLong() {
            return random.nextLong();
        }
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

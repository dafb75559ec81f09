package com.engagementconductor.shared;

import com.engagementconductor.shared.bus.RedisEventBus;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The Redis bus, when {@code REDIS_URL} (property {@value #URL_PROPERTY}) is set; without it
 * {@link SharedConfiguration} provides the in-process bus.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisBusConfiguration.RedisUrlSet.class)
class RedisBusConfiguration {

    static final String URL_PROPERTY = "conductor.redis.url";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventBus.class)
    RedisEventBus redisEventBus(Environment environment, ObjectProvider<MeterRegistry> meters) {
        return new RedisEventBus(
                environment.getRequiredProperty(URL_PROPERTY),
                RedisEventBus.Options.defaults(),
                meters.getIfAvailable());
    }

    static boolean redisUrlSet(Environment environment) {
        return StringUtils.hasText(environment.getProperty(URL_PROPERTY));
    }

    /** {@value #URL_PROPERTY} is set and not blank. */
    static final class RedisUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return redisUrlSet(context.getEnvironment());
        }
    }

    /** {@value #URL_PROPERTY} is unset or blank. */
    static final class RedisUrlUnset implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !redisUrlSet(context.getEnvironment());
        }
    }
}

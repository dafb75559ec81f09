package com.engagementconductor.api.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** The rate limiter: shared through Redis when {@code conductor.redis.url} is set, else local to this node. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    RateLimiter rateLimiter(
            RateLimitSettings settings, InstantSource clock, MeterRegistry meters, Environment environment) {
        String redisUrl = environment.getProperty("conductor.redis.url");
        return StringUtils.hasText(redisUrl)
                ? RateLimiter.shared(settings, clock, meters, redisUrl)
                : RateLimiter.local(settings, clock, meters);
    }
}

package com.engagementconductor.content.llm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The content generator: the Claude chain when {@code conductor.content.api-key} ({@code ANTHROPIC_API_KEY}) is set,
 * else templates only; spend is shared through Redis when {@code conductor.redis.url} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmSettings.class)
class LlmConfiguration {

    @Bean(destroyMethod = "close")
    LlmContentGenerator contentGenerator(
            LlmSettings settings,
            InstantSource clock,
            MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations,
            Environment environment) {
        ModelClient client = settings.hasApiKey() ? new AnthropicModels(settings) : null;
        String redisUrl = environment.getProperty("conductor.redis.url", "");
        SpendLedger shared = client != null && StringUtils.hasText(redisUrl) ? new RedisSpendLedger(redisUrl) : null;
        return new LlmContentGenerator(
                settings, client, shared, clock, meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}

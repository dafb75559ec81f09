package com.engagementconductor.anomaly;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deployment-wide Half-Space Trees structure, built once from its seed (R3.5), and the anomaly id source. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnomalySettings.class)
class AnomalyConfiguration {

    @Bean
    HalfSpaceTrees halfSpaceTrees(AnomalySettings settings) {
        return new HalfSpaceTrees(settings.hst().seed());
    }

    @Bean
    RandomGenerator anomalyIds() {
        return new SecureRandom();
    }
}

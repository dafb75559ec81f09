package com.engagementconductor.scoring;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the scoring settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringSettings.class)
class ScoringConfiguration {}

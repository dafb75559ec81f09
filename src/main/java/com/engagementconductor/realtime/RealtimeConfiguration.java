package com.engagementconductor.realtime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The gateway's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeSettings.class)
class RealtimeConfiguration {}

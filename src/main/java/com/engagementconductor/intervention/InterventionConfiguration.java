package com.engagementconductor.intervention;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the intervention settings; with the platform executor, attendee activities are empty. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InterventionSettings.class)
class InterventionConfiguration {

    @Bean
    @ConditionalOnProperty(name = "conductor.intervention.executor", havingValue = "platform")
    AttendeeActivities noAttendeeActivities() {
        return new AttendeeActivities() {
            @Override
            public VoteResult vote(String sessionId, String pollId, String userId, String optionId) {
                return VoteResult.UNKNOWN_POLL;
            }

            @Override
            public Optional<Map<String, Object>> activePoll(String sessionId) {
                return Optional.empty();
            }

            @Override
            public Optional<Map<String, Object>> activeChallenge(String sessionId) {
                return Optional.empty();
            }
        };
    }
}

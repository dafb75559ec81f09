package com.engagementconductor.intervention;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings of interventions ({@code conductor.intervention.*}).
 *
 * @param executor who executes commands: {@code builtin} (default) or {@code platform} ({@code CONDUCTOR_EXECUTOR})
 * @param outboxMemoryQueue how many records wait in memory while the database is unavailable (contracts §9)
 * @param outcomeTimeout how long after dispatch an outcome report counts; later the record is {@code UNCONFIRMED}
 * @param outboxPollInterval how often the relay looks for unpublished outbox rows besides the wake-up after commit
 * @param outboxRetention how long published outbox rows are kept
 */
@ConfigurationProperties("conductor.intervention")
public record InterventionSettings(
        @DefaultValue("builtin") String executor,
        @DefaultValue("10000") int outboxMemoryQueue,
        @DefaultValue("30s") Duration outcomeTimeout,
        @DefaultValue("200ms") Duration outboxPollInterval,
        @DefaultValue("24h") Duration outboxRetention) {

    /** Who executes intervention commands (contracts §8.3). */
    public enum Executor {
        BUILTIN(InterventionTopics.COMMANDS_STREAM),
        PLATFORM(InterventionTopics.COMMANDS_CHANNEL);

        private final String commandTopic;

        Executor(String commandTopic) {
            this.commandTopic = commandTopic;
        }

        /** The topic commands go to for this executor. */
        public String commandTopic() {
            return commandTopic;
        }
    }

    public InterventionSettings {
        executorOf(executor);
        if (outboxMemoryQueue < 1) {
            throw new IllegalArgumentException("outbox memory queue must be >= 1: " + outboxMemoryQueue);
        }
        if (outcomeTimeout.isNegative() || outcomeTimeout.isZero()) {
            throw new IllegalArgumentException("outcome timeout must be positive: " + outcomeTimeout);
        }
        if (outboxPollInterval.isNegative() || outboxPollInterval.isZero()) {
            throw new IllegalArgumentException("outbox poll interval must be positive: " + outboxPollInterval);
        }
        if (outboxRetention.isNegative()) {
            throw new IllegalArgumentException("outbox retention must not be negative: " + outboxRetention);
        }
    }

    /** The defaults of {@code application.yml}. */
    public static InterventionSettings defaults() {
        return new InterventionSettings(
                "builtin", 10_000, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofHours(24));
    }

    public Executor executorKind() {
        return executorOf(executor);
    }

    private static Executor executorOf(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "builtin" -> Executor.BUILTIN;
            case "platform" -> Executor.PLATFORM;
            default -> throw new IllegalArgumentException("CONDUCTOR_EXECUTOR must be builtin or platform: " + value);
        };
    }
}

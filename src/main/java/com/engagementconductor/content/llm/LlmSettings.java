package com.engagementconductor.content.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code conductor.content.*}: the generation chain of behaviour R6.2 and the budgets of R6.6.
 *
 * @param apiKey {@code ANTHROPIC_API_KEY}; blank means templates only
 * @param baseUrl {@code ANTHROPIC_BASE_URL}; blank means the public Anthropic API
 * @param overallTimeout the whole chain's limit; blank (null) means both timeouts plus one second
 * @param threads the generation executor's threads
 * @param queue the generation executor's queue; a full queue falls back to templates at once
 * @param templateSeed the seed of template choice (R6.5)
 */
@ConfigurationProperties("conductor.content")
record LlmSettings(
        @DefaultValue("") String apiKey,
        @DefaultValue("") String baseUrl,
        @DefaultValue("claude-sonnet-4-5-20250929") String sonnetModel,
        @DefaultValue("5s") Duration sonnetTimeout,
        @DefaultValue("claude-haiku-4-5-20251001") String haikuModel,
        @DefaultValue("3s") Duration haikuTimeout,
        @DefaultValue("500") int maxTokens,
        @DefaultValue("0.7") double temperature,
        @DefaultValue("3") int breakerFailures,
        @DefaultValue("60s") Duration breakerOpen,
        @DefaultValue("2.00") BigDecimal budgetPerRequest,
        @DefaultValue("20.00") BigDecimal budgetHourly,
        @DefaultValue("100.00") BigDecimal budgetDaily,
        Duration overallTimeout,
        @DefaultValue("4") int threads,
        @DefaultValue("64") int queue,
        @DefaultValue("7") long templateSeed) {

    LlmSettings {
        apiKey = apiKey == null ? "" : apiKey.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        Objects.requireNonNull(sonnetModel, "sonnetModel");
        Objects.requireNonNull(haikuModel, "haikuModel");
        requirePositive("sonnet-timeout", sonnetTimeout);
        requirePositive("haiku-timeout", haikuTimeout);
        requirePositive("breaker-open", breakerOpen);
        if (overallTimeout == null) {
            overallTimeout = sonnetTimeout.plus(haikuTimeout).plusSeconds(1);
        }
        requirePositive("overall-timeout", overallTimeout);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("conductor.content.max-tokens must be positive: " + maxTokens);
        }
        if (!(temperature >= 0.0 && temperature <= 1.0)) {
            throw new IllegalArgumentException("conductor.content.temperature must be in [0,1]: " + temperature);
        }
        if (breakerFailures < 1 || threads < 1 || queue < 1) {
            throw new IllegalArgumentException("breaker-failures, threads and queue must be positive");
        }
        for (BigDecimal limit : new BigDecimal[] {budgetPerRequest, budgetHourly, budgetDaily}) {
            if (limit == null || limit.signum() < 0) {
                throw new IllegalArgumentException("conductor.content budgets must not be negative: " + limit);
            }
        }
    }

    /** The defaults, with a key and an endpoint (for tests and tools). */
    static LlmSettings defaults(String apiKey, String baseUrl) {
        return new LlmSettings(
                apiKey,
                baseUrl,
                "claude-sonnet-4-5-20250929",
                Duration.ofSeconds(5),
                "claude-haiku-4-5-20251001",
                Duration.ofSeconds(3),
                500,
                0.7,
                3,
                Duration.ofSeconds(60),
                new BigDecimal("2.00"),
                new BigDecimal("20.00"),
                new BigDecimal("100.00"),
                null,
                4,
                64,
                7);
    }

    LlmSettings withTimeouts(Duration sonnet, Duration haiku) {
        return new LlmSettings(
                apiKey,
                baseUrl,
                sonnetModel,
                sonnet,
                haikuModel,
                haiku,
                maxTokens,
                temperature,
                breakerFailures,
                breakerOpen,
                budgetPerRequest,
                budgetHourly,
                budgetDaily,
                null,
                threads,
                queue,
                templateSeed);
    }

    boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    /** Hides the key from logs and error messages. */
    @Override
    public String toString() {
        return "LlmSettings[apiKey=" + (hasApiKey() ? "(set)" : "(unset)") + ", baseUrl="
                + (baseUrl.isEmpty() ? "(default)" : "(set)") + ", sonnetModel=" + sonnetModel + ", haikuModel="
                + haikuModel + "]";
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("conductor.content." + name + " must be positive: " + d);
        }
    }
}

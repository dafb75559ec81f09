package com.engagementconductor.content.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One circuit breaker per model (R6.2), never nested: it opens after {@code n} consecutive failures (timeouts,
 * transport errors, 5xx, 429), stays open for the configured time on the injected clock, then lets exactly one probe
 * through; success closes it, failure opens it again. Validation failures are reported as successes.
 */
final class ModelBreakers {

    private final Map<ModelLayer, CircuitBreaker> breakers = new LinkedHashMap<>();

    ModelBreakers(LlmSettings settings, InstantSource clock, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(
                        settings.breakerFailures(),
                        settings.breakerFailures(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100.0f)
                .waitDurationInOpenState(settings.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock.withZone(ZoneOffset.UTC))
                .build();
        for (ModelLayer layer : ModelLayer.values()) {
            CircuitBreaker breaker = CircuitBreaker.of(layer.wireName(), config);
            breakers.put(layer, breaker);
            Gauge.builder("conductor.llm.breaker.state", breaker, ModelBreakers::gaugeValue)
                    .tag("model", layer.model(settings))
                    .description("0 closed, 1 open, 2 half-open")
                    .register(meters);
        }
    }

    CircuitBreaker of(ModelLayer layer) {
        return breakers.get(layer);
    }

    /** {@code sonnet}/{@code haiku} → {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        breakers.forEach((layer, breaker) -> states.put(layer.wireName(), state(breaker)));
        return states;
    }

    private static String state(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> "OPEN";
            case HALF_OPEN -> "HALF_OPEN";
            default -> "CLOSED";
        };
    }

    private static double gaugeValue(CircuitBreaker breaker) {
        return switch (state(breaker)) {
            case "OPEN" -> 1;
            case "HALF_OPEN" -> 2;
            default -> 0;
        };
    }
}

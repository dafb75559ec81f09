package com.engagementconductor.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of the model layers of the generation chain (R6.2): validated content from Sonnet or Haiku, or no
 * content, in which case the caller uses the templates. Carries what R6.8 records with the intervention.
 *
 * @param content validated model content; {@code null} means "use a template" ({@code method} is then TEMPLATE)
 * @param model the exact model id that produced the content, {@code null} for templates
 * @param fallbackReason why the layer before the one used was skipped ({@code budget_*}, {@code breaker_open},
 *     {@code timeout}, {@code api_error}, {@code invalid_output}, {@code no_api_key}); {@code null} when Sonnet
 *     answered
 * @param latencyMs generation time, timeouts included
 * @param costUsd the metered cost of every model call made for this content
 * @param pricingUnknownModel a model id without a price was charged at Sonnet prices
 */
public record Generation(
        @Nullable InterventionContent content,
        GenerationMethod method,
        @Nullable String model,
        @Nullable String fallbackReason,
        long inputTokens,
        long outputTokens,
        long cacheWriteTokens,
        long cacheReadTokens,
        long latencyMs,
        double costUsd,
        boolean pricingUnknownModel) {

    public Generation {
        Objects.requireNonNull(method, "method");
        if ((content == null) != (method == GenerationMethod.TEMPLATE)) {
            throw new IllegalArgumentException("model content needs a model method, templates none: " + method);
        }
        if (latencyMs < 0 || inputTokens < 0 || outputTokens < 0 || cacheWriteTokens < 0 || cacheReadTokens < 0) {
            throw new IllegalArgumentException("latency and token counts must not be negative");
        }
        if (!(costUsd >= 0)) {
            throw new IllegalArgumentException("costUsd must not be negative: " + costUsd);
        }
    }

    /** Templates are to be used, for {@code reason}, without any model call. */
    public static Generation templates(String reason, long latencyMs) {
        return new Generation(null, GenerationMethod.TEMPLATE, null, reason, 0, 0, 0, 0, latencyMs, 0.0, false);
    }

    /** True when the templates must produce the content. */
    public boolean needsTemplate() {
        return content == null;
    }

    /**
     * The facts stored in the intervention record's {@code metadata} (contracts §4.10, behaviour R6.8) besides
     * {@code generation_method} and {@code latency_ms}.
     */
    public Map<String, Object> recordDetails() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("fallback_reason", fallbackReason);
        m.put("input_tokens", inputTokens);
        m.put("output_tokens", outputTokens);
        m.put("cache_write_tokens", cacheWriteTokens);
        m.put("cache_read_tokens", cacheReadTokens);
        m.put("cost_usd", costUsd);
        if (pricingUnknownModel) {
            m.put("pricing_unknown_model", true);
        }
        return m;
    }
}

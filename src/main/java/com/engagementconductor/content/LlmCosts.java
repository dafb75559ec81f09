package com.engagementconductor.content;

import java.util.Map;
import java.util.Objects;

/**
 * This node's metered model spend in USD (behaviour R6.6): the current UTC hour and day, since start, the limits, and
 * the tokens per exact model id.
 */
public record LlmCosts(
        double hourlyCost,
        double dailyCost,
        double totalCost,
        double hourlyLimit,
        double dailyLimit,
        Map<String, TokenCounts> tokensByModel) {

    public LlmCosts {
        Objects.requireNonNull(tokensByModel, "tokensByModel");
        tokensByModel = Map.copyOf(tokensByModel);
    }
}

package com.engagementconductor.content.llm;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The budget checks before each model call (R6.6): per request, hour-to-date and day-to-date. */
record Budget(BigDecimal perRequest, BigDecimal hourly, BigDecimal daily) {

    static Budget of(LlmSettings settings) {
        return new Budget(settings.budgetPerRequest(), settings.budgetHourly(), settings.budgetDaily());
    }

    /** Why a call with this estimate must be skipped ({@code budget_per_request|hourly|daily}), or null. */
    @Nullable
    String refusal(BigDecimal estimate, SpendLedger.Spend spent) {
        if (estimate.compareTo(perRequest) > 0) {
            return "budget_per_request";
        }
        if (spent.hour().add(estimate).compareTo(hourly) > 0) {
            return "budget_hourly";
        }
        if (spent.day().add(estimate).compareTo(daily) > 0) {
            return "budget_daily";
        }
        return null;
    }
}

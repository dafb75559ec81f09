package com.engagementconductor.content.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Cost metering and budgets of behaviour R6.6 with its test vectors. */
class PricingTests {

    @Test
    void costsFollowTheExactModelIdsPrices() {
        assertThat(Pricing.cost(Pricing.SONNET, new Pricing.Usage(1000, 500, 0, 0))
                        .usd())
                .isEqualTo(0.0105);
        assertThat(Pricing.cost(Pricing.HAIKU, new Pricing.Usage(1000, 500, 0, 0))
                        .usd())
                .isEqualTo(0.0035);
        assertThat(Pricing.cost(Pricing.SONNET, new Pricing.Usage(1200, 300, 0, 2000))
                        .usd())
                .isEqualTo(0.0087);
        assertThat(Pricing.cost(Pricing.HAIKU, new Pricing.Usage(0, 0, 1_000_000, 1_000_000))
                        .usd())
                .isEqualTo(1.35);
    }

    @Test
    void anUnknownModelIsChargedAtSonnetPricesAndFlagged() {
        Pricing.Cost cost = Pricing.cost("claude-sonnet-9", new Pricing.Usage(1000, 500, 0, 0));
        assertThat(cost.usd()).isEqualTo(0.0105);
        assertThat(cost.unknownModel()).isTrue();
        assertThat(Pricing.cost(Pricing.SONNET, new Pricing.Usage(1, 1, 0, 0)).unknownModel())
                .isFalse();
    }

    @Test
    void theHourlyBudgetSkipsSonnetButNotHaikuInTestVectorK3() {
        BigDecimal sonnet = Pricing.estimate(Pricing.SONNET, 2400, 500);
        BigDecimal haiku = Pricing.estimate(Pricing.HAIKU, 2400, 500);
        assertThat(sonnet).isEqualByComparingTo("0.0093");
        assertThat(haiku).isEqualByComparingTo("0.0031");
        Budget budget = new Budget(new BigDecimal("2.00"), new BigDecimal("20.00"), new BigDecimal("100.00"));
        SpendLedger.Spend spent = new SpendLedger.Spend(new BigDecimal("19.995"), new BigDecimal("19.995"));
        assertThat(budget.refusal(sonnet, spent)).isEqualTo("budget_hourly");
        assertThat(budget.refusal(haiku, spent)).isNull(); // 19.9981 ≤ 20
    }

    @Test
    void theEstimateRoundsPromptTokensUp() {
        assertThat(Pricing.estimate(Pricing.SONNET, 2401, 500)).isEqualByComparingTo("0.009303");
        assertThat(Pricing.estimate(Pricing.SONNET, 1, 0)).isEqualByComparingTo("0.000003");
    }

    @Test
    void perRequestAndDailyLimitsApplyInThatOrder() {
        Budget budget = new Budget(new BigDecimal("2.00"), new BigDecimal("20.00"), new BigDecimal("100.00"));
        assertThat(budget.refusal(new BigDecimal("2.01"), new SpendLedger.Spend(BigDecimal.ZERO, BigDecimal.ZERO)))
                .isEqualTo("budget_per_request");
        assertThat(budget.refusal(
                        new BigDecimal("0.01"), new SpendLedger.Spend(BigDecimal.ZERO, new BigDecimal("99.995"))))
                .isEqualTo("budget_daily");
        assertThat(budget.refusal(
                        new BigDecimal("0.01"),
                        new SpendLedger.Spend(new BigDecimal("19.99"), new BigDecimal("99.99"))))
                .isNull();
    }

    @Test
    void spendIsKeptPerUtcCalendarHourAndDay() {
        MemorySpendLedger ledger = new MemorySpendLedger();
        java.time.Instant t = java.time.Instant.parse("2026-03-01T23:59:59Z");
        ledger.add(t, new BigDecimal("1.5"));
        assertThat(ledger.spent(t)).isEqualTo(new SpendLedger.Spend(new BigDecimal("1.5"), new BigDecimal("1.5")));
        java.time.Instant next = t.plusSeconds(1);
        ledger.add(next, new BigDecimal("0.25"));
        assertThat(ledger.spent(next).hour()).isEqualByComparingTo("0.25");
        assertThat(ledger.spent(next).day()).isEqualByComparingTo("0.25");
        assertThat(RedisSpendLedger.hourKey("conductor:llm:spend:", next))
                .isEqualTo("conductor:llm:spend:hour:2026030200");
        assertThat(RedisSpendLedger.dayKey("conductor:llm:spend:", next)).isEqualTo("conductor:llm:spend:day:20260302");
    }

    @Test
    void anUnreachableRedisFallsBackToThisNodesSpend() {
        try (RedisSpendLedger ledger = new RedisSpendLedger("redis://127.0.0.1:1", "conductor:test:spend:")) {
            java.time.Instant t = java.time.Instant.parse("2026-03-01T10:00:00Z");
            ledger.add(t, new BigDecimal("0.5"));
            assertThat(ledger.spent(t).hour()).isEqualByComparingTo("0.5");
        }
    }
}

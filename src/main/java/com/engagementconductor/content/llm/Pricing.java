package com.engagementconductor.content.llm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/** USD prices per million tokens by exact model id (R6.6); an unknown id is charged at Sonnet prices. */
final class Pricing {

    /** Prices per million tokens. */
    record Prices(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {}

    /** Token usage of one response. */
    record Usage(long input, long output, long cacheWrite, long cacheRead) {
        Usage {
            if (input < 0 || output < 0 || cacheWrite < 0 || cacheRead < 0) {
                throw new IllegalArgumentException("usage must not be negative");
            }
        }
    }

    /** A cost and whether the model had no price of its own. */
    record Cost(double usd, boolean unknownModel) {}

    static final String SONNET = "claude-sonnet-4-5-20250929";
    static final String HAIKU = "claude-haiku-4-5-20251001";

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final Prices SONNET_PRICES =
            new Prices(new BigDecimal("3.00"), new BigDecimal("15.00"), new BigDecimal("3.75"), new BigDecimal("0.30"));
    // Haiku cache prices follow Sonnet's 1.25x and 0.1x ratios (behaviour R6.6, O8).
    private static final Prices HAIKU_PRICES =
            new Prices(new BigDecimal("1.00"), new BigDecimal("5.00"), new BigDecimal("1.25"), new BigDecimal("0.10"));
    private static final Map<String, Prices> TABLE = Map.of(SONNET, SONNET_PRICES, HAIKU, HAIKU_PRICES);

    private Pricing() {}

    static boolean known(String model) {
        return TABLE.containsKey(model);
    }

    static Prices prices(String model) {
        return TABLE.getOrDefault(model, SONNET_PRICES);
    }

    /** The cost of a response's usage (TV-K1, TV-K2). */
    static Cost cost(String model, Usage usage) {
        Prices p = prices(model);
        BigDecimal usd = p.input()
                .multiply(BigDecimal.valueOf(usage.input()))
                .add(p.output().multiply(BigDecimal.valueOf(usage.output())))
                .add(p.cacheWrite().multiply(BigDecimal.valueOf(usage.cacheWrite())))
                .add(p.cacheRead().multiply(BigDecimal.valueOf(usage.cacheRead())))
                .divide(MILLION, MathContext.DECIMAL64);
        return new Cost(usd.doubleValue(), !known(model));
    }

    /** The estimate before a call: ⌈prompt characters ÷ 4⌉ × input price + max output tokens × output price (TV-K3). */
    static BigDecimal estimate(String model, long promptCharacters, int maxOutputTokens) {
        Prices p = prices(model);
        long inputTokens = (promptCharacters + 3) / 4;
        return p.input()
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(p.output().multiply(BigDecimal.valueOf(maxOutputTokens)))
                .divide(MILLION, MathContext.DECIMAL64);
    }
}

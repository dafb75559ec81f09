package com.engagementconductor.content.llm;

import com.engagementconductor.content.LlmCosts;
import com.engagementconductor.content.TokenCounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meters what each model answer used and cost (R6.6), keyed by the exact model id that answered: the deployment's
 * spend for the budgets (Redis, or this node's), this node's own spend and tokens for operations, and the meters
 * {@code conductor.llm.tokens} and {@code conductor.llm.cost.usd}.
 */
final class CostMeter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CostMeter.class);

    private final LlmSettings settings;
    private final MemorySpendLedger node = new MemorySpendLedger();
    private final SpendLedger shared;
    private final InstantSource clock;
    private final MeterRegistry meters;
    private final Object totals = new Object();
    private BigDecimal total = BigDecimal.ZERO;
    private final Map<String, AtomicLong[]> tokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unknownModelsLogged = new ConcurrentHashMap<>();

    /** @param shared the deployment's spend (Redis), or {@code null} to budget on this node's spend */
    CostMeter(LlmSettings settings, @Nullable SpendLedger shared, InstantSource clock, MeterRegistry meters) {
        this.settings = settings;
        this.shared = shared == null ? node : shared;
        this.clock = clock;
        this.meters = meters;
    }

    /** The spend the budgets compare with: the current UTC hour's and day's. */
    SpendLedger.Spend spent() {
        return shared.spent(clock.instant());
    }

    /** Records one answer's usage and returns its cost. */
    Pricing.Cost record(ModelClient.Reply reply) {
        String model = reply.model();
        Pricing.Usage usage = reply.usage();
        Pricing.Cost cost = Pricing.cost(model, usage);
        if (cost.unknownModel() && unknownModelsLogged.putIfAbsent(model, Boolean.TRUE) == null) {
            log.warn("No price for model {}; charged at Sonnet prices (pricing_unknown_model)", model);
        }
        BigDecimal usd = BigDecimal.valueOf(cost.usd());
        Instant now = clock.instant();
        node.add(now, usd);
        if (shared != node) {
            shared.add(now, usd);
        }
        synchronized (totals) {
            total = total.add(usd);
        }
        AtomicLong[] counts = tokens.computeIfAbsent(model, m -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        counts[0].addAndGet(usage.input());
        counts[1].addAndGet(usage.output());
        meters.counter("conductor.llm.tokens", "model", model, "kind", "input").increment(usage.input());
        meters.counter("conductor.llm.tokens", "model", model, "kind", "output").increment(usage.output());
        meters.counter("conductor.llm.tokens", "model", model, "kind", "cache_write")
                .increment(usage.cacheWrite());
        meters.counter("conductor.llm.tokens", "model", model, "kind", "cache_read")
                .increment(usage.cacheRead());
        meters.counter("conductor.llm.cost.usd", "model", model).increment(cost.usd());
        return cost;
    }

    /** This node's metered numbers (contracts §4.17 {@code cost_metrics}). */
    LlmCosts costs() {
        SpendLedger.Spend spent = node.spent(clock.instant());
        Map<String, TokenCounts> byModel = new LinkedHashMap<>();
        tokens.forEach((model, counts) -> byModel.put(model, new TokenCounts(counts[0].get(), counts[1].get())));
        BigDecimal sum;
        synchronized (totals) {
            sum = total;
        }
        return new LlmCosts(
                spent.hour().doubleValue(),
                spent.day().doubleValue(),
                sum.doubleValue(),
                settings.budgetHourly().doubleValue(),
                settings.budgetDaily().doubleValue(),
                byModel);
    }

    @Override
    public void close() {
        if (shared instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("closing the spend ledger failed", e);
            }
        }
    }
}

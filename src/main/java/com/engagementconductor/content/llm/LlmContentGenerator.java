package com.engagementconductor.content.llm;

import com.engagementconductor.content.ContentGenerator;
import com.engagementconductor.content.ContentRequest;
import com.engagementconductor.content.Generation;
import com.engagementconductor.content.GenerationMethod;
import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.content.InterventionKind;
import com.engagementconductor.content.LlmCosts;
import com.engagementconductor.content.LlmStatus;
import com.engagementconductor.content.PromptFacts;
import com.engagementconductor.content.ValidationResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.math.BigDecimal;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generation chain's model layers (R6.2–R6.6): Sonnet, then Haiku, each behind its own circuit breaker and the
 * budgets, validated, metered, on a bounded executor of its own with an overall timeout. Never logs the key, prompts
 * or attendee text.
 */
final class LlmContentGenerator implements ContentGenerator, LlmStatus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LlmContentGenerator.class);

    private final LlmSettings settings;
    private final @Nullable ModelClient client;
    private final @Nullable ModelBreakers breakers;
    private final CostMeter costs;
    private final Budget budget;
    private final InstantSource clock;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final ThreadPoolExecutor executor;

    /**
     * @param client the model client; {@code null} without an API key (templates mode)
     * @param shared the deployment's spend (Redis), or {@code null} to budget on this node's spend
     */
    LlmContentGenerator(
            LlmSettings settings,
            @Nullable ModelClient client,
            @Nullable SpendLedger shared,
            InstantSource clock,
            MeterRegistry meters,
            ObservationRegistry observations) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = client;
        this.clock = clock;
        this.meters = meters;
        this.observations = observations;
        this.costs = new CostMeter(settings, shared, clock, meters);
        this.budget = Budget.of(settings);
        this.breakers = client == null ? null : new ModelBreakers(settings, clock, meters);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                settings.threads(),
                settings.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queue()),
                r -> {
                    Thread t = new Thread(r, "conductor-llm-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.executor.allowCoreThreadTimeOut(true);
        if (client == null) {
            log.info("Content generation: templates only (ANTHROPIC_API_KEY is not set)");
        } else {
            log.info(
                    "Content generation: {} ({} ms) then {} ({} ms) then templates",
                    settings.sonnetModel(),
                    settings.sonnetTimeout().toMillis(),
                    settings.haikuModel(),
                    settings.haikuTimeout().toMillis());
        }
    }

    @Override
    public boolean enabled() {
        return client != null;
    }

    @Override
    public String mode() {
        return enabled() ? "anthropic" : "templates";
    }

    @Override
    public Map<String, String> breakerStates() {
        return breakers == null ? Map.of() : breakers.states();
    }

    @Override
    public LlmCosts costs() {
        return costs.costs();
    }

    @Override
    public CompletableFuture<Generation> generate(ContentRequest request, PromptFacts facts) {
        String type = request.kind().name();
        if (client == null) {
            for (ModelLayer layer : ModelLayer.values()) {
                fallback(type, layer, "no_api_key");
            }
            return CompletableFuture.completedFuture(Generation.templates("no_api_key", 0));
        }
        long started = System.nanoTime();
        AtomicReference<ModelLayer> current = new AtomicReference<>(ModelLayer.SONNET);
        CompletableFuture<Generation> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(chain(request, facts, started, current));
                } catch (RuntimeException e) {
                    log.warn(
                            "Content generation failed unexpectedly ({})",
                            e.getClass().getSimpleName());
                    result.complete(Generation.templates("api_error", elapsedMs(started)));
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Content generation queue is full; using templates");
            fallback(type, ModelLayer.SONNET, "api_error");
            return CompletableFuture.completedFuture(Generation.templates("api_error", elapsedMs(started)));
        }
        CompletableFuture.delayedExecutor(settings.overallTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (result.complete(Generation.templates("timeout", elapsedMs(started)))) {
                        fallback(type, current.get(), "timeout");
                    }
                });
        return result;
    }

    private Generation chain(
            ContentRequest request, PromptFacts facts, long started, AtomicReference<ModelLayer> current) {
        InterventionKind kind = request.kind();
        ContentSchemas.ToolSpec tool = ContentSchemas.of(kind);
        Prompts.Prompt prompt = Prompts.of(request, facts, tool);
        Spent spent = new Spent();
        String reason = null;
        for (ModelLayer layer : ModelLayer.values()) {
            if (Thread.currentThread().isInterrupted()) {
                return Generation.templates(reason == null ? "timeout" : reason, elapsedMs(started));
            }
            current.set(layer);
            Attempt attempt = attempt(layer, kind, prompt, tool, spent);
            if (attempt.content() != null) {
                return new Generation(
                        attempt.content(),
                        layer.method(),
                        attempt.model(),
                        reason,
                        spent.input,
                        spent.output,
                        spent.cacheWrite,
                        spent.cacheRead,
                        elapsedMs(started),
                        spent.usd.doubleValue(),
                        spent.unknownModel);
            }
            reason = attempt.reason();
            fallback(kind.name(), layer, Objects.requireNonNull(reason));
        }
        return new Generation(
                null,
                GenerationMethod.TEMPLATE,
                null,
                reason,
                spent.input,
                spent.output,
                spent.cacheWrite,
                spent.cacheRead,
                elapsedMs(started),
                spent.usd.doubleValue(),
                spent.unknownModel);
    }

    /** Valid content, or why the layer was skipped. */
    private record Attempt(@Nullable InterventionContent content, @Nullable String model, @Nullable String reason) {
        static Attempt skipped(String reason) {
            return new Attempt(null, null, reason);
        }
    }

    /** What the calls for one piece of content used and cost. */
    private static final class Spent {
        long input;
        long output;
        long cacheWrite;
        long cacheRead;
        BigDecimal usd = BigDecimal.ZERO;
        boolean unknownModel;
    }

    private Attempt attempt(
            ModelLayer layer, InterventionKind kind, Prompts.Prompt prompt, ContentSchemas.ToolSpec tool, Spent spent) {
        String model = layer.model(settings);
        BigDecimal estimate = Pricing.estimate(model, prompt.characters(), settings.maxTokens());
        String refusal = budget.refusal(estimate, costs.spent());
        if (refusal != null) {
            return Attempt.skipped(refusal);
        }
        CircuitBreaker breaker = Objects.requireNonNull(breakers).of(layer);
        if (!breaker.tryAcquirePermission()) {
            return Attempt.skipped("breaker_open");
        }
        long callStarted = System.nanoTime();
        ModelClient.Reply reply;
        try {
            reply = Observation.createNotStarted("conductor.llm.call", observations)
                    .lowCardinalityKeyValue("model", model)
                    .observeChecked(
                            () -> Objects.requireNonNull(client).call(model, prompt, tool, layer.timeout(settings)));
        } catch (ModelClient.CallFailed failed) {
            long took = System.nanoTime() - callStarted;
            if (failed.countsForBreaker()) {
                breaker.onError(took, TimeUnit.NANOSECONDS, failed);
            } else {
                breaker.releasePermission();
            }
            meters.counter("conductor.llm.calls", "model", model, "result", failed.reason())
                    .increment();
            log.info("{} call failed: {}", model, failed.getMessage());
            return Attempt.skipped(failed.reason());
        } catch (Throwable unexpected) {
            breaker.onError(System.nanoTime() - callStarted, TimeUnit.NANOSECONDS, unexpected);
            meters.counter("conductor.llm.calls", "model", model, "result", "api_error")
                    .increment();
            log.warn(
                    "{} call failed unexpectedly ({})",
                    model,
                    unexpected.getClass().getSimpleName());
            return Attempt.skipped("api_error");
        }
        breaker.onSuccess(System.nanoTime() - callStarted, TimeUnit.NANOSECONDS);
        meter(reply, spent);
        ValidationResult validated = ModelOutputs.validate(kind, reply.output());
        if (!validated.isValid()) {
            meters.counter("conductor.llm.calls", "model", reply.model(), "result", "invalid_output")
                    .increment();
            log.info("{} output rejected for {} (invalid_output)", reply.model(), kind);
            return Attempt.skipped("invalid_output");
        }
        meters.counter("conductor.llm.calls", "model", reply.model(), "result", "success")
                .increment();
        return new Attempt(validated.content(), reply.model(), null);
    }

    /** Meters one answer and adds it to what this content cost. */
    private void meter(ModelClient.Reply reply, Spent spent) {
        Pricing.Cost cost = costs.record(reply);
        Pricing.Usage usage = reply.usage();
        spent.input += usage.input();
        spent.output += usage.output();
        spent.cacheWrite += usage.cacheWrite();
        spent.cacheRead += usage.cacheRead();
        spent.usd = spent.usd.add(BigDecimal.valueOf(cost.usd()));
        spent.unknownModel |= cost.unknownModel();
    }

    private void fallback(String type, ModelLayer layer, String reason) {
        meters.counter("conductor.llm.fallbacks", "type", type, "layer", layer.wireName(), "reason", reason)
                .increment();
    }

    private static long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("closing the model client failed", e);
            }
        }
        costs.close();
    }
}

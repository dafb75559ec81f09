package com.engagementconductor.content.llm;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.Timeout;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.Usage;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Calls the Anthropic Messages API with the official SDK: one request per call, no SDK retries (the chain falls
 * through instead), a hard timeout per call, and structured output through a forced tool call.
 */
final class AnthropicModels implements ModelClient, AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnthropicModels.class);

    private final AnthropicClient client;
    private final LlmSettings settings;

    AnthropicModels(LlmSettings settings) {
        this.settings = settings;
        AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .maxRetries(0)
                .timeout(
                        settings.sonnetTimeout().compareTo(settings.haikuTimeout()) > 0
                                ? settings.sonnetTimeout()
                                : settings.haikuTimeout());
        if (!settings.baseUrl().isEmpty()) {
            builder.baseUrl(settings.baseUrl());
        }
        this.client = builder.build();
        warmUp();
    }

    /**
     * Loads the SDK's request and response classes once at start, without a network call, so the first real call's
     * timeout measures the call and not class loading.
     */
    private void warmUp() {
        try {
            ContentSchemas.ToolSpec tool = ContentSchemas.of(com.engagementconductor.content.InterventionKind.POLL);
            MessageCreateParams params = params(settings.sonnetModel(), new Prompts.Prompt("warm", "up"), tool);
            com.anthropic.core.ObjectMappers.jsonMapper().writeValueAsString(params._body());
            Message sample = com.anthropic.core.ObjectMappers.jsonMapper()
                    .readValue(
                            "{\"id\":\"msg_0\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
                                    + "\"content\":[{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"emit_poll\","
                                    + "\"input\":{\"question\":\"q\"}},{\"type\":\"text\",\"text\":\"t\"}],"
                                    + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,"
                                    + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}",
                            Message.class);
            output(sample);
            sample.usage().cacheReadInputTokens();
        } catch (Exception | LinkageError e) {
            log.debug("SDK warm-up failed", e);
        }
    }

    @Override
    public Reply call(String model, Prompts.Prompt prompt, ContentSchemas.ToolSpec tool, Duration timeout)
            throws CallFailed {
        MessageCreateParams params = params(model, prompt, tool);
        RequestOptions options = RequestOptions.builder()
                .timeout(Timeout.builder()
                        .connect(timeout)
                        .read(timeout)
                        .write(timeout)
                        .request(timeout)
                        .build())
                .build();
        CompletableFuture<Message> future = client.async().messages().create(params, options);
        Message message;
        try {
            message = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new CallFailed("timeout", true, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallFailed("timeout", false, "interrupted");
        } catch (ExecutionException e) {
            throw classify(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            throw classify(e);
        }
        Usage usage = message.usage();
        Pricing.Usage counted = new Pricing.Usage(
                usage.inputTokens(),
                usage.outputTokens(),
                usage.cacheCreationInputTokens().orElse(0L),
                usage.cacheReadInputTokens().orElse(0L));
        String answeredBy = modelId(message).orElse(model);
        return new Reply(answeredBy, counted, output(message));
    }

    private MessageCreateParams params(String model, Prompts.Prompt prompt, ContentSchemas.ToolSpec tool) {
        return MessageCreateParams.builder()
                .model(model)
                .maxTokens(settings.maxTokens())
                .putAdditionalBodyProperty("temperature", JsonValue.from(settings.temperature()))
                .system(prompt.system())
                .addUserMessage(prompt.user())
                .addTool(Tool.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .inputSchema(Tool.InputSchema.builder()
                                .properties(properties(tool.properties()))
                                .required(tool.required())
                                .build())
                        .build())
                .toolChoice(ToolChoiceTool.builder().name(tool.name()).build())
                .build();
    }

    private static Tool.InputSchema.Properties properties(Map<String, Object> schema) {
        Tool.InputSchema.Properties.Builder b = Tool.InputSchema.Properties.builder();
        schema.forEach((name, property) -> b.putAdditionalProperty(name, JsonValue.from(property)));
        return b.build();
    }

    /** The tool call's input object, or else the first text block (expected to be one JSON object). */
    private static Reply.Output output(Message message) {
        String text = null;
        for (ContentBlock block : message.content()) {
            if (block.toolUse().isPresent()) {
                JsonValue input = block.toolUse().get()._input();
                Optional<Map<String, Object>> object = input.asObject().map(o -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> converted = input.convert(Map.class);
                    return converted;
                });
                return object.map(Reply.Output::object).orElseGet(() -> Reply.Output.text(String.valueOf(input)));
            }
            if (text == null && block.text().isPresent()) {
                text = block.text().get().text();
            }
        }
        return Reply.Output.text(text == null ? "" : text);
    }

    private static Optional<String> modelId(Message message) {
        try {
            return message._model()
                    .asString()
                    .or(() -> Optional.of(message.model().asString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Timeouts, transport errors, 5xx and 429 count for the breaker; other API errors only fall through. */
    static CallFailed classify(Throwable e) {
        if (e instanceof RateLimitException) {
            return new CallFailed("api_error", true, "429");
        }
        if (e instanceof AnthropicServiceException service) {
            int status = service.statusCode();
            return new CallFailed("api_error", status >= 500 || status == 429, String.valueOf(status));
        }
        if (e instanceof AnthropicIoException io) {
            boolean timedOut = hasCause(io, InterruptedIOException.class);
            return new CallFailed(
                    timedOut ? "timeout" : "api_error", true, io.getClass().getSimpleName());
        }
        if (hasCause(e, InterruptedIOException.class)) {
            return new CallFailed("timeout", true, e.getClass().getSimpleName());
        }
        return new CallFailed("api_error", true, e.getClass().getSimpleName());
    }

    private static boolean hasCause(@Nullable Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}

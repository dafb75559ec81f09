package com.engagementconductor.content;

import java.util.concurrent.CompletableFuture;

/**
 * The model layers of the generation chain (R6.2): Sonnet, then Haiku, each validated (R6.3), metered and capped
 * (R6.6). Runs off the caller's thread and never fails: the future completes with model content, or with a
 * {@link Generation} that asks for the templates, within the configured overall timeout.
 */
public interface ContentGenerator {

    /** False without an API key: then every request completes at once with reason {@code no_api_key}. */
    boolean enabled();

    CompletableFuture<Generation> generate(ContentRequest request, PromptFacts facts);
}

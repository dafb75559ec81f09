package com.engagementconductor.content.llm;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One model call of the chain: a prompt and a tool in, the model's structured output and usage out. */
interface ModelClient {

    Reply call(String model, Prompts.Prompt prompt, ContentSchemas.ToolSpec tool, Duration timeout) throws CallFailed;

    /** A model's answer: which model answered, what it cost in tokens, and its output. */
    record Reply(String model, Pricing.Usage usage, Output output) {

        /** The tool input object, or the raw text when the model answered without the tool. */
        record Output(@Nullable Map<String, Object> object, @Nullable String text) {
            static Output object(Map<String, Object> object) {
                return new Output(Objects.requireNonNull(object), null);
            }

            static Output text(String text) {
                return new Output(null, Objects.requireNonNull(text));
            }
        }
    }

    /**
     * A call that produced no answer.
     *
     * @param reason {@code timeout} or {@code api_error}
     * @param countsForBreaker timeouts, transport errors, 5xx and 429
     */
    final class CallFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String reason;
        private final boolean countsForBreaker;

        CallFailed(String reason, boolean countsForBreaker, String detail) {
            super(reason + ": " + detail, null, false, false);
            this.reason = reason;
            this.countsForBreaker = countsForBreaker;
        }

        String reason() {
            return reason;
        }

        boolean countsForBreaker() {
            return countsForBreaker;
        }
    }
}

package com.engagementconductor.content;

/** Input and output tokens a model has used on this node. */
public record TokenCounts(long inputTokens, long outputTokens) {

    public TokenCounts {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException(
                    "token counts must not be negative: " + inputTokens + ", " + outputTokens);
        }
    }
}

package com.engagementconductor.agent;

import com.engagementconductor.content.Generation;
import com.engagementconductor.content.InterventionContent;
import java.util.Map;
import java.util.Objects;

/**
 * An intervention's content and how it was made: by a model, or by the templates after the model layers were skipped
 * (behaviour R6.8 records both with the intervention).
 *
 * @param latencyMs generation time in total, timeouts and the template included
 */
record Produced(InterventionContent content, Generation generation, long latencyMs) {

    Produced {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(generation, "generation");
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative: " + latencyMs);
        }
    }

    /** {@code sonnet}, {@code haiku} or {@code template}. */
    String method() {
        return generation.method().wireName();
    }

    /** The generation facts stored in the intervention record's metadata. */
    Map<String, Object> details() {
        return generation.recordDetails();
    }
}

package com.engagementconductor.content;

import java.util.Map;

/** The content of one intervention, one record per arm (R6.1); validate it with {@link ContentValidator} before use. */
public sealed interface InterventionContent
        permits PollContent, BroadcastContent, NotificationContent, GamificationContent {

    InterventionKind kind();

    /**
     * The type-specific top-level fields of the command (contracts §8.3), e.g. {@code {"poll": {…}}} or
     * {@code {"message": "…"}}; the caller adds the common fields and the metadata.
     */
    Map<String, Object> commandFields();

    /** The decision's {@code contentPreview} (contracts §8.1): some of {@code title}, {@code message}, {@code question}, {@code options}. */
    Map<String, Object> preview();
}

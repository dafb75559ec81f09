package com.engagementconductor.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A multiple-choice poll shown to attendees for {@code durationSeconds}. */
public record PollContent(String question, List<String> options, int durationSeconds) implements InterventionContent {

    /** The duration of every generated and template poll (R6.1). */
    public static final int STANDARD_DURATION_SECONDS = 60;

    public PollContent {
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        if (durationSeconds <= 0) {
            throw new IllegalArgumentException("durationSeconds must be positive: " + durationSeconds);
        }
    }

    @Override
    public InterventionKind kind() {
        return InterventionKind.POLL;
    }

    @Override
    public Map<String, Object> commandFields() {
        Map<String, Object> poll = new LinkedHashMap<>();
        poll.put("question", question);
        poll.put("options", options);
        poll.put("type", "MULTIPLE_CHOICE");
        poll.put("duration", durationSeconds);
        return Map.of("poll", Collections.unmodifiableMap(poll));
    }

    @Override
    public Map<String, Object> preview() {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("title", "New Poll!");
        preview.put("question", question);
        preview.put("options", options);
        return Collections.unmodifiableMap(preview);
    }
}

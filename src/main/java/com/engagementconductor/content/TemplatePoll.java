package com.engagementconductor.content;

import java.util.List;
import java.util.Objects;

/** One poll of the template library (R6.5), e.g. {@code QP1}. */
public record TemplatePoll(String id, PollCategory category, String question, List<String> options) {

    public TemplatePoll {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
    }

    /** The poll as content, open for the standard 60 s. */
    public PollContent content() {
        return new PollContent(question, options, PollContent.STANDARD_DURATION_SECONDS);
    }
}

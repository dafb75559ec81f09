package com.engagementconductor.content;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Valid content, or the reason it was rejected (R6.3: rejected content falls through with {@code invalid_output}). */
public record ValidationResult(@Nullable InterventionContent content, @Nullable String reason) {

    public ValidationResult {
        if ((content == null) == (reason == null)) {
            throw new IllegalArgumentException(
                    "exactly one of content and reason must be given: " + content + ", " + reason);
        }
    }

    public static ValidationResult valid(InterventionContent content) {
        return new ValidationResult(content, null);
    }

    public static ValidationResult rejected(String reason) {
        return new ValidationResult(null, reason);
    }

    public boolean isValid() {
        return content != null;
    }

    /** The content when it is valid. */
    public Optional<InterventionContent> validContent() {
        return Optional.ofNullable(content);
    }
}

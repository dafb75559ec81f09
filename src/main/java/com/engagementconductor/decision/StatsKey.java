package com.engagementconductor.decision;

import java.util.Objects;

/** One statistics record: a scope and a context key (a full context, or an anomaly type for its aggregate). */
public record StatsKey(Scope scope, String contextKey) {
    public StatsKey {
        Objects.requireNonNull(scope, "scope must not be null");
        Objects.requireNonNull(contextKey, "contextKey must not be null");
        if (contextKey.isBlank() || contextKey.length() > 200) {
            throw new IllegalArgumentException("contextKey must be 1..200 characters: " + contextKey);
        }
    }
}

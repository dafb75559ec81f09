package com.engagementconductor.intervention.builtin;

import org.jspecify.annotations.Nullable;

/**
 * What executing one command produced, as reported on the outcome stream.
 *
 * @param deliveredTo attendees reached (0 for notifications, which reach organizers only)
 */
record Execution(boolean success, @Nullable Object result, @Nullable String error, int deliveredTo) {

    static Execution noAudience() {
        return failure("no_audience");
    }

    static Execution failure(String error) {
        return new Execution(false, null, error, 0);
    }
}

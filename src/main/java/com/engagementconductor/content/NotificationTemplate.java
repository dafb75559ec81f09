package com.engagementconductor.content;

import java.util.Objects;

/** An organizer notification with placeholders ({title}, {pct}, {minutes}, {score}, {leavers}) in its body (R6.5). */
public record NotificationTemplate(String title, String body, NotificationPriority priority, String suggestedAction) {

    public NotificationTemplate {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(suggestedAction, "suggestedAction");
    }
}

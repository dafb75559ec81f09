package com.engagementconductor.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A notification to the event's organizers; {@code suggestedAction} may be absent only in a manual override. */
public record NotificationContent(
        String title, String body, NotificationPriority priority, @Nullable String suggestedAction)
        implements InterventionContent {

    public NotificationContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(priority, "priority");
    }

    @Override
    public InterventionKind kind() {
        return InterventionKind.NOTIFICATION;
    }

    /** {@code {"content": {title, body, priority, suggested_action}}}; an absent action is sent as {@code null}. */
    @Override
    public Map<String, Object> commandFields() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("body", body);
        content.put("priority", priority.wireValue());
        content.put("suggested_action", suggestedAction);
        return Map.of("content", Collections.unmodifiableMap(content));
    }

    @Override
    public Map<String, Object> preview() {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("title", title);
        preview.put("message", body);
        return Collections.unmodifiableMap(preview);
    }
}

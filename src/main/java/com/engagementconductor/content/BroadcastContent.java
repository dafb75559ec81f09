package com.engagementconductor.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A banner message shown to attendees. */
public record BroadcastContent(String message) implements InterventionContent {

    public BroadcastContent {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public InterventionKind kind() {
        return InterventionKind.BROADCAST;
    }

    @Override
    public Map<String, Object> commandFields() {
        return Map.of("message", message);
    }

    @Override
    public Map<String, Object> preview() {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("title", "Announcement");
        preview.put("message", message);
        return Collections.unmodifiableMap(preview);
    }
}

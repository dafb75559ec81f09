package com.engagementconductor.content;

import java.util.Locale;

/** Priority of an organizer notification; on the wire it is lower case ({@code high}, {@code medium}, {@code low}). */
public enum NotificationPriority {
    HIGH,
    MEDIUM,
    LOW;

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code high}, {@code medium} or {@code low}, ignoring case. */
    public static NotificationPriority parse(String value) {
        for (NotificationPriority priority : values()) {
            if (priority.name().equalsIgnoreCase(value)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("priority must be high, medium or low: " + value);
    }
}

package com.engagementconductor.shared;

import java.util.Locale;

/** The four kinds of intervention (behaviour R0.4); on input {@code CHAT_PROMPT} is read as {@code BROADCAST}. */
public enum InterventionType {
    POLL,
    BROADCAST,
    NOTIFICATION,
    GAMIFICATION;

    /**
     * Parses a type name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value when it is not a known type
     */
    public static InterventionType parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.equals("CHAT_PROMPT")) {
            return BROADCAST;
        }
        for (InterventionType t : values()) {
            if (t.name().equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "intervention type must be one of POLL, BROADCAST, NOTIFICATION, GAMIFICATION: " + value);
    }
}

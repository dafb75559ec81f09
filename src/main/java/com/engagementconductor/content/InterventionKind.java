package com.engagementconductor.content;

import java.util.Locale;

/** The four intervention arms (R0.4), as the content module knows them; {@code CHAT_PROMPT} is read as {@link #BROADCAST}. */
public enum InterventionKind {
    POLL,
    BROADCAST,
    NOTIFICATION,
    GAMIFICATION;

    /** Reads a wire value, ignoring case and surrounding blanks; the only alias is {@code CHAT_PROMPT}. */
    public static InterventionKind parse(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.equals("CHAT_PROMPT")) {
            return BROADCAST;
        }
        for (InterventionKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown intervention type: " + value);
    }

    /** The command's {@code type} (contracts §8.3), e.g. {@code agent.intervention.poll}. */
    public String commandType() {
        return "agent.intervention." + name().toLowerCase(Locale.ROOT);
    }
}

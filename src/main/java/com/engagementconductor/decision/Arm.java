package com.engagementconductor.decision;

import java.util.Locale;
import java.util.Optional;

/** The interventions the bandit chooses between (R4.1), in the order that breaks ties (R4.7). */
public enum Arm {
    POLL,
    BROADCAST,
    NOTIFICATION,
    GAMIFICATION;

    private static final Arm[] VALUES = values();

    /**
     * Reads an arm from input, ignoring case; the prior {@code CHAT_PROMPT} is read as {@link #BROADCAST} (R0.4).
     *
     * @throws IllegalArgumentException naming the value when it is no arm
     */
    public static Arm parse(String value) {
        return tryParse(value).orElseThrow(() -> new IllegalArgumentException("unknown arm: " + value));
    }

    /** Like {@link #parse}, but empty for an unknown value. */
    public static Optional<Arm> tryParse(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        if (name.equals("CHAT_PROMPT")) {
            return Optional.of(BROADCAST);
        }
        for (Arm arm : VALUES) {
            if (arm.name().equals(name)) {
                return Optional.of(arm);
            }
        }
        return Optional.empty();
    }
}

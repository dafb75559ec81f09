package com.engagementconductor.agent;

import java.util.Optional;

/** Who approves decisions (behaviour R5.5). */
public enum AgentMode {
    MANUAL,
    SEMI_AUTO,
    AUTO;

    /** Parses the exact, case-sensitive wire name (contracts §4.1). */
    public static Optional<AgentMode> parse(String value) {
        for (AgentMode m : values()) {
            if (m.name().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}

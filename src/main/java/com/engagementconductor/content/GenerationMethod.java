package com.engagementconductor.content;

import java.util.Locale;

/** Which layer of the generation chain (R6.2) produced an intervention's content. */
public enum GenerationMethod {
    SONNET,
    HAIKU,
    TEMPLATE;

    /** The stored value: {@code sonnet}, {@code haiku} or {@code template} (contracts §4.10). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

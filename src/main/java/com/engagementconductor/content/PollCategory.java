package com.engagementconductor.content;

import java.util.Locale;

/** The five categories of the poll library (R6.5). */
public enum PollCategory {
    QUICK_PULSE,
    OPINION,
    ENGAGING,
    TECH,
    CRISIS;

    /** The category as the spec writes it, e.g. {@code quick_pulse}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

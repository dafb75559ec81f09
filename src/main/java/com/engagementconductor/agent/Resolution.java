package com.engagementconductor.agent;

/** The state of a decision (contracts §0 rule 6): {@code PENDING} until resolved, or born resolved. */
public enum Resolution {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    SUPERSEDED,
    CANCELLED,
    AUTO_APPROVED,
    HOLDOUT;

    public boolean pending() {
        return this == PENDING;
    }
}

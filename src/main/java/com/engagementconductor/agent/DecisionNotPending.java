package com.engagementconductor.agent;

import java.util.UUID;

/** A decision was asked to move on from a state it has already left (409 {@code decision_not_pending}). */
public final class DecisionNotPending extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final UUID decisionId;
    private final Resolution state;

    public DecisionNotPending(UUID decisionId, Resolution state) {
        super("decision " + decisionId + " is " + state + ", not PENDING");
        this.decisionId = decisionId;
        this.state = state;
    }

    public UUID decisionId() {
        return decisionId;
    }

    public Resolution state() {
        return state;
    }
}

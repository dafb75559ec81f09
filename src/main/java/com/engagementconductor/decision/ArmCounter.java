package com.engagementconductor.decision;

import java.util.Locale;

/** The counters kept per scope, context and arm beside the statistics; none of them touches α or β. */
public enum ArmCounter {
    /** Approved by a person (R5.9). */
    ACCEPTED,
    /** Rejected by a person (R5.9). */
    REJECTED,
    /** Unanswered until the approval timeout (R5.9). */
    EXPIRED,
    /** The execution failed (R7.3, TV-L2). */
    EXECUTION_FAILURES,
    /** The delivery was never confirmed (R7.3). */
    UNCONFIRMED,
    /** Too few post ticks to measure (R7.1, R7.3). */
    INCOMPLETE,
    /** Another intervention of the session ran inside the measurement window (R7.3). */
    CONFOUNDED;

    /** The column of {@code arm_counters}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}

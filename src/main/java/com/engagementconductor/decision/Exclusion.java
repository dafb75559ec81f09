package com.engagementconductor.decision;

/** Why an arm is not eligible (R4.6), in the order the steps remove arms. */
public enum Exclusion {
    /** Not in the event's {@code allowed_interventions}. */
    NOT_ALLOWED,
    /** Its per-type cooldown in the session is still running. */
    IN_COOLDOWN,
    /** Uplift-based statistics with an effective mean below the threshold after enough effective attempts. */
    BELOW_FLOOR
}

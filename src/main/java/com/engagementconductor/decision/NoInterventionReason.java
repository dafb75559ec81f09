package com.engagementconductor.decision;

/** Why the policy chose no intervention; the name is the reason recorded with the skipped decision. */
public enum NoInterventionReason {
    /** Every arm was removed by R4.6: not allowed, in cooldown or below the floor. Never means "all arms". */
    NO_ELIGIBLE_ARM
}

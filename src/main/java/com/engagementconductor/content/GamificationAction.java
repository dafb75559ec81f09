package com.engagementconductor.content;

/** What a gamification intervention does: start one of the fixed challenges, or boost points for a while. */
public enum GamificationAction {
    START_CHALLENGE,
    POINTS_BOOST
}

package com.engagementconductor.scoring;

/**
 * The result of scoring one tick.
 *
 * @param published the score sent to clients, per the deployment's formula (R2.1)
 * @param detection the detection score fed to the detector (R2.6)
 * @param chatN the v2 chat term (chat and questions per 100 users)
 * @param reactN the v2 reaction term (reactions and upvotes per 100 users)
 * @param activeN the v2 active term computed from spontaneous active users (the detection score's term)
 * @param leaveRate the user leave rate
 */
public record Score(
        ScoreVersion version,
        double published,
        double detection,
        EngagementCategory category,
        double chatN,
        double reactN,
        double activeN,
        double leaveRate) {}

package com.engagementconductor.signals;

import java.time.Instant;

/**
 * The signal values of one session at tick time (behaviour R1.7), over the window (t − 60 s, t].
 *
 * @param connectedUsers N(t)
 * @param usersAtWindowStart N₀ = N(t) − joins + leaves in the window
 * @param partialWindow observation started less than 60 s before t (R1.9)
 */
public record SignalsSnapshot(
        Instant timestamp,
        int connectedUsers,
        int usersAtWindowStart,
        int chatMessages,
        int qaQuestions,
        int qaUpvotes,
        int reactions,
        int activeUsers,
        int spontaneousActiveUsers,
        boolean pollOpen,
        double pollParticipation,
        int effectiveJoins,
        int effectiveLeaves,
        double userLeaveRate,
        boolean partialWindow) {

    /** The audience used by the minimum-audience rule (R1.10): max(N(t), N₀). */
    public int audience() {
        return Math.max(connectedUsers, usersAtWindowStart);
    }
}

package com.engagementconductor.anomaly;

import java.time.Instant;
import java.util.Objects;

/**
 * The inputs of one fed tick (section 3): the detection score x (R2.6), the published score p, {@code
 * user_leave_rate} and the {@code v2} terms used as Half-Space Trees features, all in [0, 1].
 */
public record FedTick(
        Instant timestamp,
        double detectionScore,
        double publishedScore,
        double leaveRate,
        double chatN,
        double reactN,
        double activeN) {

    public FedTick {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Components.requireUnit("detectionScore", detectionScore);
        Components.requireUnit("publishedScore", publishedScore);
        Components.requireUnit("leaveRate", leaveRate);
        Components.requireUnit("chatN", chatN);
        Components.requireUnit("reactN", reactN);
        Components.requireUnit("activeN", activeN);
    }

    /** A tick with only the scores and the leave rate, the {@code v2} terms zero (as the test vectors feed x). */
    public static FedTick of(Instant timestamp, double detectionScore, double publishedScore, double leaveRate) {
        return new FedTick(timestamp, detectionScore, publishedScore, leaveRate, 0, 0, 0);
    }
}

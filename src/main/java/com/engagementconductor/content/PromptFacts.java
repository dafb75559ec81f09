package com.engagementconductor.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The session facts a model prompt receives besides the {@link ContentRequest} (R6.4): elapsed minutes since the
 * session started, connected users, expected score and deviation, the last ticks' signals, the session's last
 * interventions (for notifications) and recent attendee lines (raw; the prompt cleans and delimits them).
 */
public record PromptFacts(
        long elapsedMinutes,
        int connectedUsers,
        double expectedScore,
        double signedDeviation,
        List<TickSignals> recentTicks,
        List<String> recentInterventions,
        List<String> audienceLines) {

    /** How many ticks, interventions and attendee lines a prompt shows at most. */
    public static final int TICKS = 5;

    public static final int INTERVENTIONS = 3;
    public static final int LINES = 5;

    public PromptFacts {
        if (elapsedMinutes < 0) {
            throw new IllegalArgumentException("elapsedMinutes must not be negative: " + elapsedMinutes);
        }
        if (connectedUsers < 0) {
            throw new IllegalArgumentException("connectedUsers must not be negative: " + connectedUsers);
        }
        recentTicks = last(recentTicks, TICKS);
        recentInterventions = last(recentInterventions, INTERVENTIONS);
        audienceLines = last(audienceLines, LINES);
    }

    /** Facts for a session the node knows nothing about yet. */
    public static PromptFacts none() {
        return new PromptFacts(0, 0, 0.0, 0.0, List.of(), List.of(), List.of());
    }

    private static <T> List<T> last(List<T> list, int n) {
        Objects.requireNonNull(list, "list");
        List<T> copy = List.copyOf(list);
        return copy.subList(Math.max(0, copy.size() - n), copy.size());
    }

    /** One tick's score and signals. */
    public record TickSignals(
            Instant at,
            double score,
            int connectedUsers,
            int activeUsers,
            int chatMessages,
            int qaQuestions,
            int reactions,
            double pollParticipation,
            double userLeaveRate) {}
}

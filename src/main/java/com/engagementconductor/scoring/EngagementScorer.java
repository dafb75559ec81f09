package com.engagementconductor.scoring;

import com.engagementconductor.signals.SignalsSnapshot;

/**
 * Turns a tick's signals into the published score ({@code v1} or {@code v2}, behaviour R2.2–R2.5) and the
 * detection score (R2.6). Pure and stateless.
 */
public final class EngagementScorer {
    private static final double W_CHAT = 0.30;
    private static final double W_POLL = 0.25;
    private static final double W_ACTIVE = 0.25;
    private static final double W_REACT = 0.10;
    private static final double W_LEAVE = 0.10;
    private static final double POSITIVE_WITHOUT_POLL = W_CHAT + W_ACTIVE + W_REACT;
    private static final double LN_21 = Math.log(21);
    private static final double LN_11 = Math.log(11);
    private static final double LN_9 = Math.log(9);
    private static final double LN_16 = Math.log(16);
    private static final double ACTIVE_SATURATION = 0.30;

    private final ScoreVersion version;

    public EngagementScorer(ScoreVersion version) {
        this.version = version;
    }

    public ScoreVersion version() {
        return version;
    }

    public Score score(SignalsSnapshot s) {
        double leave = s.userLeaveRate();
        if (s.connectedUsers() == 0) {
            return new Score(version, 0.0, 0.0, EngagementCategory.VERY_LOW, 0, 0, 0, leave);
        }
        double n = Math.max(1, s.connectedUsers());
        double chatN = chatTerm(s.chatMessages() + s.qaQuestions(), n);
        double reactN = reactTerm(s.reactions() + s.qaUpvotes(), n);
        double activeN = activeTerm(s.activeUsers(), n);
        double spontaneousN = activeTerm(s.spontaneousActiveUsers(), n);
        double published = version == ScoreVersion.V1
                ? v1(s.chatMessages(), s.pollParticipation(), s.activeUsers(), s.connectedUsers(), s.reactions(), leave)
                : v2(chatN, s.pollOpen(), s.pollParticipation(), activeN, reactN, leave);
        double detection = noPoll(chatN, spontaneousN, reactN, leave);
        return new Score(
                version, published, detection, EngagementCategory.of(published), chatN, reactN, spontaneousN, leave);
    }

    /** The prior formula, unchanged (R2.2). */
    public static double v1(double chat, double poll, double active, double total, double reactions, double leave) {
        double chatN = chat <= 0 ? 0 : Math.min(1, Math.log(chat + 1) / LN_21);
        double reactN = reactions <= 0 ? 0 : Math.min(1, Math.log(reactions + 1) / LN_11);
        double activeRatio = total <= 0 ? 0 : Math.min(1, active / total);
        return clamp(W_CHAT * chatN + W_POLL * poll + W_ACTIVE * activeRatio + W_REACT * reactN - W_LEAVE * leave);
    }

    /** The default formula: per-capita terms, and no poll term while no poll is open (R2.3, R2.5). */
    public static double v2(double chatN, boolean pollOpen, double poll, double activeN, double reactN, double leave) {
        if (!pollOpen) {
            return noPoll(chatN, activeN, reactN, leave);
        }
        return clamp(W_CHAT * chatN + W_POLL * poll + W_ACTIVE * activeN + W_REACT * reactN - W_LEAVE * leave);
    }

    static double noPoll(double chatN, double activeN, double reactN, double leave) {
        return clamp(
                (W_CHAT * chatN + W_ACTIVE * activeN + W_REACT * reactN) / POSITIVE_WITHOUT_POLL - W_LEAVE * leave);
    }

    /** min(1, ln(1 + per100) ÷ ln 9), where per100 is the count per 100 connected users. */
    public static double chatTerm(double count, double users) {
        return Math.min(1, Math.log1p(count * 100 / users) / LN_9);
    }

    public static double reactTerm(double count, double users) {
        return Math.min(1, Math.log1p(count * 100 / users) / LN_16);
    }

    public static double activeTerm(double active, double users) {
        return Math.min(1, (active / users) / ACTIVE_SATURATION);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}

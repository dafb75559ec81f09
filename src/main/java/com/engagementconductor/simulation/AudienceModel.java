package com.engagementconductor.simulation;

/**
 * The parameters of the attendee model (behaviour R8.2). {@link #defaults()} holds the spec's values; the demo
 * (R8.5) uses an enthusiastic room with {@link #withVoteSlope vote slope} 0.8.
 *
 * @param chatPerMinute chat messages per attendee per minute at L = 1 and propensity 1
 * @param propensityShape shape of the Gamma distribution of the propensities w_i
 * @param propensityScale scale of that distribution (shape × scale is the mean, 1 by default)
 * @param voteSlope a connected attendee votes with probability min(voteCap, voteSlope·L)
 * @param voteDelayMin the earliest vote, in whole seconds after a poll opens
 * @param voteDelayMax the latest vote, inclusive
 */
public record AudienceModel(
        double chatPerMinute,
        double questionPerMinute,
        double reactionPerMinute,
        double upvotePerMinute,
        double propensityShape,
        double propensityScale,
        double voteSlope,
        double voteCap,
        int voteDelayMin,
        int voteDelayMax) {

    public AudienceModel {
        requireRate("chatPerMinute", chatPerMinute);
        requireRate("questionPerMinute", questionPerMinute);
        requireRate("reactionPerMinute", reactionPerMinute);
        requireRate("upvotePerMinute", upvotePerMinute);
        if (!(propensityShape > 0)) {
            throw new IllegalArgumentException("propensityShape must be positive: " + propensityShape);
        }
        if (!(propensityScale > 0)) {
            throw new IllegalArgumentException("propensityScale must be positive: " + propensityScale);
        }
        if (!(voteSlope >= 0)) {
            throw new IllegalArgumentException("voteSlope must not be negative: " + voteSlope);
        }
        if (!(voteCap >= 0 && voteCap <= 1)) {
            throw new IllegalArgumentException("voteCap must be in [0, 1]: " + voteCap);
        }
        if (voteDelayMin < 1 || voteDelayMax < voteDelayMin) {
            throw new IllegalArgumentException(
                    "vote delays must satisfy 1 <= min <= max: " + voteDelayMin + ", " + voteDelayMax);
        }
    }

    /** The values of R8.2: chat 0.07, question 0.005, reaction 0.12, upvote 0.02 per minute; w ~ Gamma(2, 0.5). */
    public static AudienceModel defaults() {
        return new AudienceModel(0.07, 0.005, 0.12, 0.02, 2.0, 0.5, 0.65, 0.95, 3, 40);
    }

    /** The same model with another vote slope (0.8 for the demo's enthusiastic room, R8.5). */
    public AudienceModel withVoteSlope(double slope) {
        return new AudienceModel(
                chatPerMinute,
                questionPerMinute,
                reactionPerMinute,
                upvotePerMinute,
                propensityShape,
                propensityScale,
                slope,
                voteCap,
                voteDelayMin,
                voteDelayMax);
    }

    /** The per-minute rates at L = 1, indexed like the simulator's actions: chat, question, reaction, upvote. */
    double[] ratesPerMinute() {
        return new double[] {chatPerMinute, questionPerMinute, reactionPerMinute, upvotePerMinute};
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(name + " must be a finite non-negative rate: " + rate);
        }
    }
}

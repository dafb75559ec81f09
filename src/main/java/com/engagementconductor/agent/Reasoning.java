package com.engagementconductor.agent;

import java.util.Locale;

/** The reasoning text of a decision (behaviour R5.13), tested as a string. */
public final class Reasoning {
    private Reasoning() {}

    /**
     * Builds the text.
     *
     * @param accepted organizer approvals of this arm here, and {@code asked} the decisions put to organizers
     */
    public static String of(
            String anomalyType,
            String severity,
            double current,
            double expected,
            String deviationBucket,
            String arm,
            double posteriorMean,
            double attempts,
            double probabilityBest,
            boolean exploring,
            long accepted,
            long asked) {
        double signed = current - expected;
        double pct = expected > 0 ? 100 * Math.abs(signed) / expected : 0;
        String history = exploring
                ? "Few outcomes in this context yet, exploring."
                : String.format(Locale.ROOT, "Success rate here %.0f%%.", 100 * posteriorMean);
        String acceptance =
                asked == 0 ? "" : " Organizers accepted " + arm + " here " + accepted + " of " + asked + " times.";
        return String.format(
                        Locale.ROOT,
                        "%s (%s): engagement %.2f is %.0f%% %s the expected %.2f (%s deviation). %s chosen: posterior mean"
                                + " %.2f over %s attempts, probability best %.2f. ",
                        anomalyType,
                        severity,
                        current,
                        pct,
                        signed < 0 ? "below" : "above",
                        expected,
                        deviationBucket,
                        arm,
                        posteriorMean,
                        attempts(attempts),
                        probabilityBest)
                + history
                + acceptance;
    }

    /** Organizer acceptance (R5.9): (accepted + 1) ÷ (accepted + rejected + expired + 2). */
    public static double acceptance(long accepted, long rejected, long expired) {
        return (accepted + 1.0) / (accepted + rejected + expired + 2.0);
    }

    private static String attempts(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : String.format(Locale.ROOT, "%.1f", n);
    }
}

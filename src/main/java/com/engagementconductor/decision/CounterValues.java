package com.engagementconductor.decision;

/** The counters of one scope, context and arm (contracts §9 {@code arm_counters}). */
public record CounterValues(
        long accepted,
        long rejected,
        long expired,
        long executionFailures,
        long unconfirmed,
        long incomplete,
        long confounded) {
    public static final CounterValues ZERO = new CounterValues(0, 0, 0, 0, 0, 0, 0);

    /** Organizer acceptance (R5.9): (accepted + 1) ÷ (accepted + rejected + expired + 2); TV-A1 gives 0.727273. */
    public double organizerAcceptance() {
        return (accepted + 1.0) / (accepted + rejected + expired + 2.0);
    }

    public long get(ArmCounter counter) {
        return switch (counter) {
            case ACCEPTED -> accepted;
            case REJECTED -> rejected;
            case EXPIRED -> expired;
            case EXECUTION_FAILURES -> executionFailures;
            case UNCONFIRMED -> unconfirmed;
            case INCOMPLETE -> incomplete;
            case CONFOUNDED -> confounded;
        };
    }

    /** These counters with one of them increased by one. */
    CounterValues plusOne(ArmCounter counter) {
        return new CounterValues(
                accepted + (counter == ArmCounter.ACCEPTED ? 1 : 0),
                rejected + (counter == ArmCounter.REJECTED ? 1 : 0),
                expired + (counter == ArmCounter.EXPIRED ? 1 : 0),
                executionFailures + (counter == ArmCounter.EXECUTION_FAILURES ? 1 : 0),
                unconfirmed + (counter == ArmCounter.UNCONFIRMED ? 1 : 0),
                incomplete + (counter == ArmCounter.INCOMPLETE ? 1 : 0),
                confounded + (counter == ArmCounter.CONFOUNDED ? 1 : 0));
    }
}

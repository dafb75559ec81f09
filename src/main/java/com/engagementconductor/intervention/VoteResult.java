package com.engagementconductor.intervention;

import java.util.Locale;

/** The answer to an attendee's vote on an agent poll; the lower-case name is the ack error code (contracts §7.3). */
public enum VoteResult {
    ACCEPTED,
    UNKNOWN_POLL,
    POLL_CLOSED,
    ALREADY_VOTED,
    /** The option id is not one of the poll's ({@code "1"}…{@code "N"}); acked as {@code invalid_payload}. */
    INVALID_OPTION;

    public boolean accepted() {
        return this == ACCEPTED;
    }

    /** {@code unknown_poll}, {@code poll_closed}, {@code already_voted}, {@code invalid_payload}; empty when accepted. */
    public String errorCode() {
        return switch (this) {
            case ACCEPTED -> "";
            case INVALID_OPTION -> "invalid_payload";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}

package com.engagementconductor.signals;

import java.util.Locale;
import java.util.Optional;

/** The audience activity the tracker understands (behaviour R1.1), with the wire names of contracts §4.14. */
public enum SignalType {
    CHAT("chat", true),
    REACTION("reaction", true),
    POLL_VOTE("poll_vote", false),
    POLL_OPENED("poll_opened", false),
    POLL_CLOSED("poll_closed", false),
    QA_QUESTION("qa_question", true),
    QA_UPVOTE("qa_upvote", true),
    JOIN("join", false),
    LEAVE("leave", false);

    private final String wireName;
    private final boolean spontaneous;

    SignalType(String wireName, boolean spontaneous) {
        this.wireName = wireName;
        this.spontaneous = spontaneous;
    }

    /** The snake_case name used on the wire. */
    public String wireName() {
        return wireName;
    }

    /** Whether the action counts as a spontaneous action (R1.5). */
    public boolean spontaneous() {
        return spontaneous;
    }

    /** Whether the type carries a poll id. */
    public boolean needsPoll() {
        return this == POLL_VOTE || this == POLL_OPENED || this == POLL_CLOSED;
    }

    /** Parses a wire name; unknown names are absent. */
    public static Optional<SignalType> fromWire(String name) {
        for (SignalType t : values()) {
            if (t.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

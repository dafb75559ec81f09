package com.engagementconductor.decision;

import java.util.Objects;

/** A scope of the statistics (R4.3): {@code global}, {@code org:{id}} or {@code event:{id}}, as stored. */
public record Scope(String value) {
    public static final Scope GLOBAL = new Scope("global");

    private static final int MAX_LENGTH = 300;

    public Scope {
        Objects.requireNonNull(value, "scope must not be null");
        boolean shaped = value.equals("global")
                || (value.startsWith("org:") && value.length() > 4)
                || (value.startsWith("event:") && value.length() > 6);
        if (!shaped || value.length() > MAX_LENGTH || !value.strip().equals(value)) {
            throw new IllegalArgumentException(
                    "scope must be global, org:{id} or event:{id}, at most 300 characters: " + value);
        }
    }

    public static Scope global() {
        return GLOBAL;
    }

    public static Scope org(String orgId) {
        return new Scope("org:" + orgId);
    }

    public static Scope event(String eventId) {
        return new Scope("event:" + eventId);
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.engagementconductor.shared;

import java.util.regex.Pattern;

/** The id rule of contracts §0 rule 5 for session, event and organization ids on REST and sockets. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

    private Ids() {}

    public static boolean valid(String id) {
        return ID.matcher(id).matches();
    }

    /** Returns the id, or throws naming the field when it breaks the rule. */
    public static String require(String field, String id) {
        if (!valid(id)) {
            throw new IllegalArgumentException(field + " must match ^[A-Za-z0-9_-]{1,100}$");
        }
        return id;
    }
}

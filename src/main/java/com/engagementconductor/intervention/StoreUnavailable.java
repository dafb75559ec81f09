package com.engagementconductor.intervention;

/**
 * The database is unavailable and the in-memory queue of records waiting for it is full: the record was neither
 * stored nor announced (the agent skips new decisions with reason {@code STORE_UNAVAILABLE}).
 */
public final class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

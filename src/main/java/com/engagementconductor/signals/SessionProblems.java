package com.engagementconductor.signals;

/** Domain exceptions about sessions, mapped to problem details at the edge. */
public final class SessionProblems {
    private SessionProblems() {}

    /** No such session (404 {@code session_not_found}). */
    public static final class SessionNotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SessionNotFound(String sessionId) {
            super("session " + sessionId + " is not registered");
        }
    }

    /** The session has ended (422 {@code session_not_live}). */
    public static final class SessionNotLive extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SessionNotLive(String sessionId) {
            super("session " + sessionId + " has ended");
        }
    }

    /** The session belongs to another event (409 {@code session_conflict}). */
    public static final class SessionConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SessionConflict(String sessionId, String knownEvent, String givenEvent) {
            super("session " + sessionId + " belongs to event " + knownEvent + ", not " + givenEvent);
        }
    }
}

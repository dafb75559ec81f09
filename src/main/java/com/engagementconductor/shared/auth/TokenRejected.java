package com.engagementconductor.shared.auth;

/** A token that cannot be accepted, with the stable code clients branch on. */
public final class TokenRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        MISSING("missing_token"),
        INVALID("token_invalid"),
        EXPIRED("token_expired");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public TokenRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

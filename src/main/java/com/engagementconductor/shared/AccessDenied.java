package com.engagementconductor.shared;

/** The caller lacks the permission or the organization for an operation (403 {@code forbidden}). */
public final class AccessDenied extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message);
    }
}

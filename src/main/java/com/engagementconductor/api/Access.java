package com.engagementconductor.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs (contracts §3.5). Every {@code /api/v1} handler declares one; the request
 * is authenticated (401) and then checked against it (403) before its body or parameters are read.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {
    Level value();

    /** The rows of the permission matrix. */
    enum Level {
        /** Any valid token, attendee tokens included (the caller's own records). */
        AUTHENTICATED,
        READ,
        WRITE
    }
}

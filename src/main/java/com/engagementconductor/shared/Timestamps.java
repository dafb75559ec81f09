package com.engagementconductor.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Wire timestamps: emitted as RFC 3339 UTC with milliseconds and {@code Z}; accepted as any ISO-8601 date-time. */
public final class Timestamps {
    private static final DateTimeFormatter OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return OUT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses an ISO-8601 date-time; one without an offset is read as UTC (contracts §0 rule 3). */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 date-time: " + text, e);
            }
        }
    }
}

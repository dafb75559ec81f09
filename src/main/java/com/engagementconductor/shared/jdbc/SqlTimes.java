package com.engagementconductor.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** {@code timestamptz} values as UTC {@link OffsetDateTime}s, independent of the JVM's time zone, on H2 and PostgreSQL. */
public final class SqlTimes {
    private SqlTimes() {}

    public static @Nullable OffsetDateTime param(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Instant readRequired(ResultSet rs, String column) throws SQLException {
        Instant t = read(rs, column);
        if (t == null) {
            throw new SQLException(column + " is null");
        }
        return t;
    }
}

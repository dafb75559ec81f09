package com.engagementconductor.shared.jdbc;

import java.util.Locale;

/** Which database the service runs on: the embedded H2 file database or PostgreSQL. Available as a bean. */
public enum DatabaseKind {
    H2("JSON", "h2"),
    POSTGRESQL("jsonb", "postgresql");

    private final String jsonType;
    private final String label;

    DatabaseKind(String jsonType, String label) {
        this.jsonType = jsonType;
        this.label = label;
    }

    /** The kind of database a JDBC URL points to. */
    public static DatabaseKind ofJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("not an H2 or PostgreSQL JDBC URL: " + jdbcUrl.replaceAll("\\?.*", "?…"));
    }

    /** The SQL type of JSON columns, the value of the Flyway placeholder {@code json_type}. */
    public String jsonType() {
        return jsonType;
    }

    /** The lower-case name reported by health ({@code components.database.kind}): {@code h2} or {@code postgresql}. */
    public String label() {
        return label;
    }
}

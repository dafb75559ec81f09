package com.engagementconductor.shared.jdbc;

/**
 * How to bind JSON text to a JSON column on this database so that it is stored as a JSON value (an
 * object stays an object, not a JSON string). Read the column back with {@code ResultSet.getString}:
 * H2 returns the text compactly, PostgreSQL's {@code jsonb} normalises spacing and key order, so parse
 * it rather than compare text. Available as a bean.
 */
public final class JsonColumns {

    private final DatabaseKind kind;

    public JsonColumns(DatabaseKind kind) {
        this.kind = kind;
    }

    /**
     * The SQL fragment for one JSON text parameter: {@code ? FORMAT JSON} on H2, {@code CAST(? AS jsonb)} on
     * PostgreSQL; e.g. {@code "INSERT INTO anomalies (id, metadata) VALUES (?, " + json.parameter() + ")"}.
     */
    public String parameter() {
        return kind == DatabaseKind.H2 ? "? FORMAT JSON" : "CAST(? AS jsonb)";
    }

    /** The same fragment for a named parameter of {@code JdbcClient}/{@code NamedParameterJdbcTemplate}. */
    public String parameter(String name) {
        return kind == DatabaseKind.H2 ? ":" + name + " FORMAT JSON" : "CAST(:" + name + " AS jsonb)";
    }

    public DatabaseKind kind() {
        return kind;
    }
}

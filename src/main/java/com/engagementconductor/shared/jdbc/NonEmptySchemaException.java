package com.engagementconductor.shared.jdbc;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The schema the service would migrate already holds tables but no Flyway history: the start stops with
 * exit status 2 (contracts §9) instead of mixing our tables into someone else's schema.
 */
public final class NonEmptySchemaException extends RuntimeException implements ExitCodeGenerator {

    private static final long serialVersionUID = 1L;

    private final String schema;

    public NonEmptySchemaException(String schema, String historyTable) {
        super("Database schema \"" + schema + "\" is not empty but has no Flyway history (" + historyTable
                + "); the migrations expect an empty schema");
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    @Override
    public int getExitCode() {
        return 2;
    }
}

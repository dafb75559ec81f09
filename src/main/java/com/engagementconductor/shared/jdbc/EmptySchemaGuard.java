package com.engagementconductor.shared.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Runs the migrations only on a schema that is empty or already migrated by us: a schema with tables but
 * no Flyway history stops the start with {@link NonEmptySchemaException} (exit status 2, contracts §9).
 */
public final class EmptySchemaGuard implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway flyway) {
        check(flyway);
        flyway.migrate();
    }

    /** Throws {@link NonEmptySchemaException} when Flyway's schema holds tables but not its history table. */
    public static void check(Flyway flyway) {
        var configuration = flyway.getConfiguration();
        DataSource dataSource = configuration.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            String schema = schemaOf(connection, configuration.getDefaultSchema(), configuration.getSchemas());
            check(connection, schema, configuration.getTable());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the database schema before migrating", e);
        }
    }

    /**
     * Throws {@link NonEmptySchemaException} when {@code schema} (the connection's current schema when null)
     * holds tables but not {@code historyTable}. A schema that does not exist yet is empty.
     */
    public static void check(Connection connection, @Nullable String schema, String historyTable) throws SQLException {
        String inspected = schema != null ? schema : connection.getSchema();
        if (inspected != null && hasForeignTables(connection, inspected, historyTable)) {
            throw new NonEmptySchemaException(inspected, historyTable);
        }
    }

    private static @Nullable String schemaOf(Connection connection, @Nullable String defaultSchema, String[] schemas)
            throws SQLException {
        if (defaultSchema != null && !defaultSchema.isBlank()) {
            return defaultSchema;
        }
        if (schemas.length > 0) {
            return schemas[0];
        }
        return connection.getSchema();
    }

    /** True when the schema has tables or views and none of them is the history table. */
    private static boolean hasForeignTables(Connection connection, String schema, String historyTable)
            throws SQLException {
        String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = ?";
        boolean anyTable = false;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).toLowerCase(Locale.ROOT).equals(historyTable.toLowerCase(Locale.ROOT))) {
                        return false;
                    }
                    anyTable = true;
                }
            }
        }
        return anyTable;
    }
}

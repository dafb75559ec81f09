package com.engagementconductor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.engagementconductor.DatabaseUrl;
import com.engagementconductor.shared.jdbc.DatabaseKind;
import com.engagementconductor.shared.jdbc.EmptySchemaGuard;
import com.engagementconductor.shared.jdbc.NonEmptySchemaException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrations on the real PostgreSQL started by {@code scripts/provision.sh} ({@code TEST_DATABASE_URL}),
 * each test in a fresh schema chosen with {@code currentSchema}, as operators share a database (contracts §9).
 */
class MigrationsPostgresIT {

    private static final List<String> SCHEMAS = new ArrayList<>();

    private static DatabaseUrl server;

    @BeforeAll
    static void requireDatabase() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("TEST_DATABASE_URL");
        }
        if (url == null || url.isBlank()) {
            fail("TEST_DATABASE_URL is not set: run the integration tests with `bash scripts/test.sh`, which starts"
                    + " PostgreSQL and exports it (or run `bash scripts/provision.sh` and export the values in"
                    + " target/test-services.env)");
        }
        server = DatabaseUrl.parse(url);
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (server == null) {
            return;
        }
        try (Connection connection = dataSource(server).getConnection();
                Statement statement = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void migrationsCreateEveryContractedTableColumnKeyAndIndexInANewSchema() throws SQLException {
        String schema = newSchemaName();
        PGSimpleDataSource dataSource = dataSource(inSchema(schema));

        Flyway flyway = SchemaContract.flyway(dataSource, DatabaseKind.POSTGRESQL);
        EmptySchemaGuard.check(flyway);
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);

        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getSchema()).isEqualTo(schema);
            SchemaContract.assertTablesAndColumns(connection, schema);
            SchemaContract.assertPrimaryKeysAndIndexes(connection, schema);
            SchemaContract.assertEventSettingsDefaults(connection);
            SchemaContract.assertTimestampRoundTrip(connection);
            SchemaContract.assertOutboxIdsIncrease(connection);
            assertThat(columnType(connection, schema, "anomalies", "metadata")).isEqualTo("jsonb");
            assertThat(columnType(connection, schema, "interventions", "reasoning"))
                    .isEqualTo("text");
        }
    }

    @Test
    void jsonIsStoredAsJsonbObjectsAndReadBackAsEquivalentText() throws SQLException {
        String schema = newSchemaName();
        PGSimpleDataSource dataSource = dataSource(inSchema(schema));
        SchemaContract.flyway(dataSource, DatabaseKind.POSTGRESQL).migrate();

        try (Connection connection = dataSource.getConnection()) {
            String read = SchemaContract.assertJsonRoundTrip(connection, DatabaseKind.POSTGRESQL);
            // jsonb normalises the text (spaces after ':' and ',', its own key order): readers parse it.
            assertThat(read).startsWith("{").contains("\"signed_deviation\": -0.25");
        }
    }

    @Test
    void aSecondStartMigratesNothingAndPassesTheGuard() {
        String schema = newSchemaName();
        PGSimpleDataSource dataSource = dataSource(inSchema(schema));
        SchemaContract.flyway(dataSource, DatabaseKind.POSTGRESQL).migrate();

        Flyway again = SchemaContract.flyway(dataSource, DatabaseKind.POSTGRESQL);
        EmptySchemaGuard.check(again);
        assertThat(again.migrate().migrationsExecuted).isZero();
    }

    @Test
    void aNonEmptySchemaWithoutFlywayHistoryIsRefusedNamingTheSchema() throws SQLException {
        String schema = foreignSchema();

        assertThatThrownBy(() -> new EmptySchemaGuard()
                        .migrate(SchemaContract.flyway(dataSource(inSchema(schema)), DatabaseKind.POSTGRESQL)))
                .isInstanceOfSatisfying(NonEmptySchemaException.class, e -> {
                    assertThat(e.getExitCode()).isEqualTo(2);
                    assertThat(e.schema()).isEqualTo(schema);
                    assertThat(e.getMessage()).contains("\"" + schema + "\"");
                });
        assertThat(tables(schema)).containsExactly("legacy_things");
    }

    @Test
    void theServiceStopsWithStatusTwoOnANonEmptySchema(@TempDir Path workDir) throws SQLException {
        String schema = foreignSchema();
        String password = server.password() == null ? "" : server.password();
        String databaseUrl = databaseUrlFor(schema);

        try (JarProcess jar = JarProcess.start(
                workDir,
                Map.of(
                        "DATABASE_URL",
                        databaseUrl,
                        "JWT_SECRET",
                        "integration-test-secret-of-at-least-32-bytes",
                        "PORT",
                        String.valueOf(JarProcess.freePort()),
                        "SOCKET_PORT",
                        String.valueOf(JarProcess.freePort())))) {
            int status = jar.exitStatus(JarProcess.START_DEADLINE);

            assertThat(status).as(jar.output()).isEqualTo(2);
            assertThat(jar.stdout() + jar.stderr())
                    .contains("\"" + schema + "\"")
                    .contains("not empty");
            if (!password.isEmpty()) {
                assertThat(jar.stdout() + jar.stderr()).doesNotContain(":" + password + "@");
            }
        }
        assertThat(tables(schema)).containsExactly("legacy_things");
    }

    @Test
    void theServiceMigratesASchemaOfItsOwnGivenByCurrentSchema(@TempDir Path workDir) throws SQLException {
        String schema = newSchemaName();
        int port = JarProcess.freePort();

        try (JarProcess jar = JarProcess.start(
                workDir,
                Map.of(
                        "DATABASE_URL", databaseUrlFor(schema),
                        "JWT_SECRET", "integration-test-secret-of-at-least-32-bytes",
                        "PORT", String.valueOf(port),
                        "SOCKET_PORT", String.valueOf(JarProcess.freePort())))) {
            jar.awaitOk("http://127.0.0.1:" + port + "/health", JarProcess.START_DEADLINE);

            assertThat(tables(schema))
                    .containsAll(SchemaContract.TABLES.keySet())
                    .contains("flyway_schema_history");
            assertThat(workDir.resolve("data/conductor.mv.db"))
                    .as("no H2 database in platform mode")
                    .doesNotExist();
        }
    }

    private static String databaseUrlFor(String schema) {
        String password = server.password() == null ? "" : server.password();
        String location = inSchema(schema).jdbcUrl().substring("jdbc:postgresql://".length());
        return "postgresql://" + encode(server.username()) + ":" + encode(password) + "@" + location;
    }

    private static String foreignSchema() throws SQLException {
        String schema = newSchemaName();
        try (Connection connection = dataSource(server).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("CREATE TABLE " + schema + ".legacy_things (id INTEGER PRIMARY KEY)");
        }
        return schema;
    }

    private static List<String> tables(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource(server).getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static String columnType(Connection connection, String schema, String table, String column)
            throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT data_type FROM information_schema.columns"
                        + " WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            statement.setString(3, column);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static String encode(@Nullable String value) {
        return value == null
                ? ""
                : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String newSchemaName() {
        String schema = "it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        SCHEMAS.add(schema);
        return schema;
    }

    private static DatabaseUrl inSchema(String schema) {
        String url = server.jdbcUrl();
        return new DatabaseUrl(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                server.username(),
                server.password());
    }

    private static PGSimpleDataSource dataSource(DatabaseUrl url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url.jdbcUrl());
        if (url.username() != null) {
            dataSource.setUser(url.username());
        }
        if (url.password() != null) {
            dataSource.setPassword(url.password());
        }
        return dataSource;
    }
}

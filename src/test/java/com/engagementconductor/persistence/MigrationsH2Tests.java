package com.engagementconductor.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementconductor.DatabaseUrl;
import com.engagementconductor.shared.jdbc.DatabaseKind;
import com.engagementconductor.shared.jdbc.EmptySchemaGuard;
import com.engagementconductor.shared.jdbc.NonEmptySchemaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The migrations on the embedded database: H2 2.x in PostgreSQL mode, as {@link DatabaseUrl#embedded} opens it. */
class MigrationsH2Tests {

    @TempDir
    Path dataDir;

    private JdbcDataSource dataSource;

    @BeforeEach
    void openEmbeddedDatabase() {
        DatabaseUrl url = DatabaseUrl.embedded(dataDir);
        dataSource = new JdbcDataSource();
        dataSource.setURL(url.jdbcUrl());
        dataSource.setUser(url.username());
        dataSource.setPassword(url.password());
    }

    @Test
    void migrationsCreateEveryContractedTableColumnKeyAndIndex() throws SQLException {
        Flyway flyway = SchemaContract.flyway(dataSource, DatabaseKind.H2);
        EmptySchemaGuard.check(flyway);
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);

        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getSchema()).isEqualTo("public");
            SchemaContract.assertTablesAndColumns(connection, "public");
            SchemaContract.assertPrimaryKeysAndIndexes(connection, "public");
            SchemaContract.assertEventSettingsDefaults(connection);
            SchemaContract.assertTimestampRoundTrip(connection);
            SchemaContract.assertOutboxIdsIncrease(connection);
        }
    }

    @Test
    void jsonIsStoredAsJsonAndReadBackAsTheSameText() throws SQLException {
        SchemaContract.flyway(dataSource, DatabaseKind.H2).migrate();

        try (Connection connection = dataSource.getConnection()) {
            String read = SchemaContract.assertJsonRoundTrip(connection, DatabaseKind.H2);
            // H2 keeps compact JSON text exactly as bound.
            assertThat(read)
                    .isEqualTo("{\"signed_deviation\":-0.25,\"components\":{\"chat\":0.4,\"poll\":null},"
                            + "\"decision_skips\":[{\"reason\":\"COOLDOWN\",\"at\":\"2026-01-04T12:00:00.000Z\"}],"
                            + "\"note\":\"é \\\"q\\\"\"}");
        }
    }

    @Test
    void aSecondStartMigratesNothingAndPassesTheGuard() {
        SchemaContract.flyway(dataSource, DatabaseKind.H2).migrate();

        Flyway again = SchemaContract.flyway(dataSource, DatabaseKind.H2);
        EmptySchemaGuard.check(again);
        assertThat(again.migrate().migrationsExecuted).isZero();
    }

    @Test
    void aSchemaWithForeignTablesButNoHistoryIsRefusedWithExitStatusTwo() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE legacy_things (id INTEGER PRIMARY KEY)");
        }

        assertThatThrownBy(() -> new EmptySchemaGuard().migrate(SchemaContract.flyway(dataSource, DatabaseKind.H2)))
                .isInstanceOfSatisfying(NonEmptySchemaException.class, e -> {
                    assertThat(e.getExitCode()).isEqualTo(2);
                    assertThat(e.schema()).isEqualTo("public");
                    assertThat(e.getMessage()).contains("\"public\"");
                });
    }

    @Test
    void springBootRunsTheGuardInsteadOfMigratingBlindly() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE legacy_things (id INTEGER PRIMARY KEY)");
        }
        DatabaseUrl url = DatabaseUrl.embedded(dataDir);

        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withBean(EmptySchemaGuard.class)
                .withPropertyValues(
                        "spring.datasource.url=" + url.jdbcUrl(),
                        "spring.datasource.username=sa",
                        "spring.flyway.placeholders.json_type=JSON")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(NonEmptySchemaException.class)
                        .hasMessageContaining("\"public\""));
    }
}

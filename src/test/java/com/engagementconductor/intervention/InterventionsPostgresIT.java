package com.engagementconductor.intervention;

import com.engagementconductor.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The intervention contract on the real PostgreSQL of {@code scripts/provision.sh}, in a fresh schema per run. Needs
 * {@code TEST_DATABASE_URL} (set by {@code scripts/test.sh}); skipped without it, so that a Surefire run selected by
 * package ({@code -Dtest='com.engagementconductor.intervention.**'}) does not fail for want of a database.
 */
@EnabledIfEnvironmentVariable(
        named = "TEST_DATABASE_URL",
        matches = ".+",
        disabledReason = "TEST_DATABASE_URL is not set: run bash scripts/test.sh")
class InterventionsPostgresIT extends InterventionContract {
    private static @Nullable DatabaseUrl server;
    private static @Nullable String schema;

    @AfterAll
    static void dropSchema() throws SQLException {
        if (server != null && schema != null) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        DatabaseUrl parsed = DatabaseUrl.parse(System.getenv("TEST_DATABASE_URL"));
        server = parsed;
        String name = "itv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schema = name;
        try (Connection c = DriverManager.getConnection(parsed.jdbcUrl(), parsed.username(), parsed.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        String jdbcUrl = parsed.jdbcUrl() + (parsed.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", parsed::username);
        registry.add("spring.datasource.password", parsed::password);
        registry.add("spring.flyway.placeholders.json_type", () -> "jsonb");
    }
}

package com.engagementconductor.decision.jdbc;

import com.engagementconductor.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bandit's tables on the real PostgreSQL of {@code scripts/provision.sh}, in a fresh schema per run
 * ({@code TEST_DATABASE_URL}; the test fails, not skips, without it).
 */
class BanditArmsPostgresIT extends BanditArmsContract {
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
        String url = System.getenv("TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("TEST_DATABASE_URL is not set: run the tests with `bash scripts/test.sh`");
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        server = parsed;
        String name = "bandit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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

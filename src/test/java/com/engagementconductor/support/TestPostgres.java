package com.engagementconductor.support;

import com.engagementconductor.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL of {@code scripts/provision.sh} ({@code TEST_DATABASE_URL}) for Spring context tests: each
 * call makes a fresh schema, points the datasource at it, and drops it when the JVM exits (after the cached test
 * contexts that use it). Without the variable the test fails, it is not skipped.
 */
public final class TestPostgres {
    private TestPostgres() {}

    public static void register(DynamicPropertyRegistry registry, String prefix) {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("TEST_DATABASE_URL is not set: run the tests with `bash scripts/test.sh`");
        }
        DatabaseUrl server = DatabaseUrl.parse(url);
        String schema =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, "CREATE SCHEMA " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (IllegalStateException ignored) {
                // the throwaway cluster may already be gone
            }
        }));
        String jdbcUrl = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", server::password);
        registry.add("spring.flyway.placeholders.json_type", () -> "jsonb");
    }

    private static void execute(DatabaseUrl server, String sql) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }
}

package com.engagementconductor.persistence;

import com.engagementconductor.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The repository contract on the real PostgreSQL of {@code scripts/provision.sh}, in a fresh schema per run
 * ({@code TEST_DATABASE_URL}; the test fails, not skips, without it).
 */
class RepositoriesPostgresIT extends RepositoryContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("TEST_DATABASE_URL is not set: run the tests with `bash scripts/test.sh`");
        }
        DatabaseUrl server = DatabaseUrl.parse(url);
        String schema = "repo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String jdbcUrl = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", server::password);
        registry.add("spring.flyway.placeholders.json_type", () -> "jsonb");
    }
}

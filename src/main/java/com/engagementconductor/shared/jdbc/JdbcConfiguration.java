package com.engagementconductor.shared.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The database kind and JSON binding beans, and the empty-schema guard in front of Flyway. */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

    @Bean
    DatabaseKind databaseKind(Environment environment, ObjectProvider<DataSource> dataSource) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return DatabaseKind.ofJdbcUrl(url);
        }
        try (Connection connection = dataSource.getObject().getConnection()) {
            return DatabaseKind.ofJdbcUrl(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the service runs on", e);
        }
    }

    @Bean
    JsonColumns jsonColumns(DatabaseKind databaseKind) {
        return new JsonColumns(databaseKind);
    }

    @Bean
    EmptySchemaGuard emptySchemaGuard() {
        return new EmptySchemaGuard();
    }
}

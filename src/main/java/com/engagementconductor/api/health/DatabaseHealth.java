package com.engagementconductor.api.health;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The database answers a trivial query within a few seconds; always required. */
@Component
class DatabaseHealth implements ComponentHealth {
    private final JdbcTemplate jdbc;
    private final String kind;

    DatabaseHealth(DataSource dataSource, @Value("${spring.datasource.url:}") String url) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(3);
        this.kind = url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Health health() {
        long start = System.nanoTime();
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
        } catch (RuntimeException e) {
            return Health.status(UNHEALTHY).withDetail("kind", kind).build();
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        return Health.status(HEALTHY)
                .withDetail("kind", kind)
                .withDetail("response_time_ms", millis)
                .build();
    }
}

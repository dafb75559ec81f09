package com.engagementconductor.api;

import com.engagementconductor.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness (contracts §4.17); no authentication, no rate limit. */
@RestController
class HealthController {
    private final InstantSource clock;
    private final JdbcClient jdbc;
    private final String version;
    private final Instant started;

    HealthController(InstantSource clock, JdbcClient jdbc, @Value("${conductor.version:1.0.0}") String version) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.version = version;
        this.started = clock.instant();
    }

    /** Liveness: checks nothing. */
    @GetMapping("/health")
    Map<String, Object> health() {
        return body("healthy");
    }

    /** Readiness: the database answers (migrations ran before the context started). */
    @GetMapping("/health/ready")
    ResponseEntity<Map<String, Object>> ready() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return ResponseEntity.ok(body("healthy"));
        } catch (RuntimeException e) {
            Map<String, Object> b = body("unhealthy");
            b.put("failing", List.of("database"));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(b);
        }
    }

    private Map<String, Object> body(String status) {
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("timestamp", Timestamps.format(now));
        m.put("version", version);
        m.put("uptime_seconds", Duration.between(started, now).toMillis() / 1000.0);
        return m;
    }
}

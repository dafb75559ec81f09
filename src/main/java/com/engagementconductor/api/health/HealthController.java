package com.engagementconductor.api.health;

import com.engagementconductor.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness, readiness and the detailed health of each component (contracts §4.17); no authentication, no rate limit.
 * Bodies carry statuses and counts only: never exception text, host names or secrets.
 */
@RestController
class HealthController {
    private static final List<String> ORDER = List.of("database", "redis", "agent", "llm", "realtime");

    private final InstantSource clock;
    private final String version;
    private final Instant started;
    private final List<ComponentHealth> components;

    HealthController(
            InstantSource clock,
            List<ComponentHealth> components,
            @Value("${conductor.version:1.0.0}") String version) {
        this.clock = clock;
        this.version = version;
        this.started = clock.instant();
        List<ComponentHealth> sorted = new ArrayList<>(components);
        sorted.sort(Comparator.comparingInt(c -> rank(c.name())));
        this.components = List.copyOf(sorted);
    }

    /** Liveness: checks nothing. */
    @GetMapping("/health")
    Map<String, Object> health() {
        return body("healthy");
    }

    /** Readiness: every required component answers (the database always; Redis when configured). */
    @GetMapping("/health/ready")
    ResponseEntity<Map<String, Object>> ready() {
        List<String> failing = new ArrayList<>();
        for (ComponentHealth c : components) {
            if (c.required() && !ComponentHealth.HEALTHY.equals(c.health().getStatus())) {
                failing.add(c.name());
            }
        }
        if (failing.isEmpty()) {
            return ResponseEntity.ok(body("healthy"));
        }
        Map<String, Object> b = body("unhealthy");
        b.put("failing", failing);
        return unavailable(b);
    }

    /**
     * Every component with its status and numbers; overall {@code unhealthy} (503) when a required component is
     * unhealthy, {@code degraded} when only an optional one is not healthy, else {@code healthy}.
     */
    @GetMapping("/health/detailed")
    ResponseEntity<Map<String, Object>> detailed() {
        Map<String, Object> parts = new LinkedHashMap<>();
        boolean down = false;
        boolean degraded = false;
        for (ComponentHealth c : components) {
            Health h = c.health();
            String status = h.getStatus().getCode();
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("status", status);
            part.putAll(h.getDetails());
            parts.put(c.name(), part);
            if (status.equals(ComponentHealth.UNHEALTHY.getCode()) && c.required()) {
                down = true;
            } else if (status.equals(ComponentHealth.UNHEALTHY.getCode())
                    || status.equals(ComponentHealth.DEGRADED.getCode())) {
                degraded = true;
            }
        }
        Map<String, Object> b = body(down ? "unhealthy" : degraded ? "degraded" : "healthy");
        b.put("components", parts);
        return down ? unavailable(b) : ResponseEntity.ok(b);
    }

    private static ResponseEntity<Map<String, Object>> unavailable(Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body);
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

    private static int rank(String name) {
        int i = ORDER.indexOf(name);
        return i < 0 ? ORDER.size() : i;
    }
}

package com.engagementconductor.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class HealthControllerTests {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-04T12:00:00Z"));

    /** A component answering a fixed status. */
    private record Fixed(String name, boolean required, Status status, Map<String, Object> details)
            implements ComponentHealth {
        @Override
        public Health health() {
            return Health.status(status).withDetails(details).build();
        }
    }

    private HealthController controller(ComponentHealth... components) {
        return new HealthController(clock, List.of(components), "1.0.0");
    }

    @Test
    void allHealthyIsReadyAndHealthyWithEachComponentInContractOrder() {
        HealthController c = controller(
                new Fixed("realtime", false, ComponentHealth.HEALTHY, Map.of("connected_sockets", 3)),
                new Fixed("redis", false, ComponentHealth.EMBEDDED, Map.of()),
                new Fixed("database", true, ComponentHealth.HEALTHY, Map.of("kind", "h2")));
        clock.advance(Duration.ofMillis(812_400));

        ResponseEntity<Map<String, Object>> detailed = c.detailed();

        assertThat(detailed.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = detailed.getBody();
        assertThat(body).containsEntry("status", "healthy").containsEntry("uptime_seconds", 812.4);
        assertThat(body).containsEntry("timestamp", "2026-01-04T12:13:32.400Z");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> parts = (Map<String, Map<String, Object>>) body.get("components");
        assertThat(parts.keySet()).containsExactly("database", "redis", "realtime");
        assertThat(parts.get("redis")).containsExactly(Map.entry("status", "embedded"));
        assertThat(parts.get("realtime")).containsEntry("connected_sockets", 3);
        assertThat(c.ready().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anUnhealthyOptionalComponentDegradesButStaysReady() {
        HealthController c = controller(
                new Fixed("database", true, ComponentHealth.HEALTHY, Map.of()),
                new Fixed("llm", false, ComponentHealth.DEGRADED, Map.of("mode", "anthropic")));

        assertThat(c.detailed().getStatusCode().value()).isEqualTo(200);
        assertThat(c.detailed().getBody()).containsEntry("status", "degraded");
        assertThat(c.ready().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anUnhealthyRequiredComponentMakesTheServiceUnreadyAndUnhealthy() {
        HealthController c = controller(
                new Fixed("database", true, ComponentHealth.UNHEALTHY, Map.of("kind", "postgresql")),
                new Fixed("redis", true, ComponentHealth.HEALTHY, Map.of()));

        ResponseEntity<Map<String, Object>> ready = c.ready();
        assertThat(ready.getStatusCode().value()).isEqualTo(503);
        assertThat(ready.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(ready.getBody()).containsEntry("status", "unhealthy").containsEntry("failing", List.of("database"));
        assertThat(c.detailed().getStatusCode().value()).isEqualTo(503);
        assertThat(c.detailed().getBody()).containsEntry("status", "unhealthy");
        assertThat(c.health()).containsEntry("status", "healthy");
    }

    @Test
    void anUnreachableDatabaseIsUnhealthyWithoutItsErrorText() {
        DriverManagerDataSource unreachable = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=1", "someone", "secret-password");
        DatabaseHealth health = new DatabaseHealth(unreachable, "jdbc:postgresql://127.0.0.1:1/nothing");

        Health h = health.health();

        assertThat(h.getStatus()).isEqualTo(ComponentHealth.UNHEALTHY);
        assertThat(h.getDetails()).containsExactly(Map.entry("kind", "postgresql"));
    }
}

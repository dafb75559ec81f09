package com.engagementconductor.api.health;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * A health indicator of one component of {@code /health/detailed}, under its contract name; a required component
 * that is unhealthy makes the service unready (contracts §4.17).
 */
interface ComponentHealth extends HealthIndicator {
    Status HEALTHY = new Status("healthy");
    Status DEGRADED = new Status("degraded");
    Status UNHEALTHY = new Status("unhealthy");
    Status EMBEDDED = new Status("embedded");
    Status DISABLED = new Status("disabled");

    /** The component's name in the body: {@code database}, {@code redis}, {@code agent}, {@code llm}, {@code realtime}. */
    String name();

    /** Whether readiness depends on it. */
    boolean required();
}

package com.engagementconductor.api.health;

import com.engagementconductor.content.LlmCosts;
import com.engagementconductor.content.LlmStatus;
import com.engagementconductor.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /metrics} (contracts §4.17): the deployment's session, intervention and decision counts from the
 * database; LLM costs and uptime of this node. No authentication, no rate limit.
 */
@RestController
class MetricsController {
    private final DeploymentCounts counts;
    private final LlmStatus llm;
    private final InstantSource clock;
    private final String version;
    private final Instant started;

    MetricsController(
            DeploymentCounts counts,
            LlmStatus llm,
            InstantSource clock,
            @Value("${conductor.version:1.0.0}") String version) {
        this.counts = counts;
        this.llm = llm;
        this.clock = clock;
        this.version = version;
        this.started = clock.instant();
    }

    @GetMapping("/metrics")
    Map<String, Object> metrics() {
        Instant now = clock.instant();
        String timestamp = Timestamps.format(now);
        DeploymentCounts.Counts c = counts.read();
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("total_sessions", c.totalSessions());
        agent.put("active_sessions", c.activeSessions());
        agent.put("total_interventions", c.totalInterventions());
        agent.put("successful_interventions", c.successfulInterventions());
        agent.put("failed_interventions", c.failedInterventions());
        agent.put("global_success_rate", c.globalSuccessRate());
        agent.put("thompson_sampling_contexts", c.contexts());
        agent.put("pending_decisions", c.pendingDecisions());
        LlmCosts costs = llm.costs();
        Map<String, Object> tokens = new LinkedHashMap<>();
        costs.tokensByModel().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> tokens.put(
                        e.getKey(),
                        Map.of(
                                "input_tokens", e.getValue().inputTokens(),
                                "output_tokens", e.getValue().outputTokens())));
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("hourly_cost", costs.hourlyCost());
        cost.put("daily_cost", costs.dailyCost());
        cost.put("total_cost", costs.totalCost());
        cost.put("hourly_limit", costs.hourlyLimit());
        cost.put("daily_limit", costs.dailyLimit());
        cost.put("tokens_by_model", tokens);
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("uptime_seconds", Duration.between(started, now).toMillis() / 1000.0);
        system.put("version", version);
        system.put("timestamp", timestamp);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", timestamp);
        body.put("agent_metrics", agent);
        body.put("cost_metrics", cost);
        body.put("system_metrics", system);
        return body;
    }
}

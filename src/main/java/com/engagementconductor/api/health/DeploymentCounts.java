package com.engagementconductor.api.health;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deployment-wide counts of {@code GET /metrics} (contracts §4.17), read from the database every node shares, so
 * every node answers the same numbers.
 */
@Component
class DeploymentCounts {
    /** The bare anomaly-type rows of {@code bandit_arms} are back-off aggregates, not contexts (behaviour R4.5b). */
    private static final String CONTEXTS = "SELECT COUNT(DISTINCT context_key) FROM bandit_arms WHERE scope = 'global'"
            + " AND context_key NOT IN ('SUDDEN_DROP', 'GRADUAL_DECLINE', 'LOW_ENGAGEMENT', 'MASS_EXIT')";

    /** The agent metrics of the body. */
    record Counts(
            long totalSessions,
            long activeSessions,
            long totalInterventions,
            long successfulInterventions,
            long failedInterventions,
            long contexts,
            long pendingDecisions) {

        /** successful ÷ (successful + failed), 3 decimals; 0.0 when both are 0. */
        double globalSuccessRate() {
            long n = successfulInterventions + failedInterventions;
            return n == 0 ? 0.0 : Math.round(1000.0 * successfulInterventions / n) / 1000.0;
        }
    }

    private final JdbcClient jdbc;

    DeploymentCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts read() {
        return new Counts(
                count("SELECT COUNT(*) FROM sessions"),
                count("SELECT COUNT(*) FROM sessions WHERE ended_at IS NULL"),
                count("SELECT COUNT(*) FROM interventions"),
                // one agent_performance row per measured reward; success is the measured success (R7.2)
                count("SELECT COUNT(*) FROM agent_performance WHERE success = TRUE"),
                // outcome.executed false: delivery failed or was never confirmed
                count("SELECT COUNT(*) FROM interventions WHERE status IN ('FAILED', 'UNCONFIRMED')"),
                count(CONTEXTS),
                count("SELECT COUNT(*) FROM decisions WHERE resolution = 'PENDING'"));
    }

    private long count(String sql) {
        Long n = jdbc.sql(sql).query(Long.class).single();
        return n == null ? 0 : n;
    }
}

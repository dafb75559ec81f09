package com.engagementconductor.agent.jdbc;

import com.engagementconductor.agent.LearningStore;
import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code agent_performance} and {@code holdout_cases} tables. */
@Repository
class JdbcLearning implements LearningStore {
    static final String AGENT_ID = "engagement-conductor";

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final JsonMapper mapper;

    JdbcLearning(JdbcClient jdbc, JsonColumns json, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void performance(
            Instant time,
            String sessionId,
            String interventionType,
            boolean success,
            double delta,
            @Nullable Double confidence,
            Map<String, Object> extraData) {
        jdbc.sql("INSERT INTO agent_performance (time, agent_id, session_id, intervention_type, success,"
                        + " engagement_delta, confidence, extra_data) VALUES (?, ?, ?, ?, ?, ?, ?, " + json.parameter()
                        + ")")
                .params(
                        SqlTimes.param(time),
                        AGENT_ID,
                        sessionId,
                        interventionType,
                        success,
                        delta,
                        confidence,
                        mapper.writeValueAsString(extraData))
                .update();
    }

    @Override
    public HoldoutBaseline holdoutBaseline(String contextKey, String anomalyType) {
        Map<String, Object> c = jdbc.sql(
                        "SELECT COUNT(*) AS n, AVG(delta) AS m FROM holdout_cases WHERE context_key = ?")
                .param(contextKey)
                .query()
                .singleRow();
        Map<String, Object> t = jdbc.sql(
                        "SELECT COUNT(*) AS n, AVG(delta) AS m FROM holdout_cases WHERE anomaly_type = ?")
                .param(anomalyType)
                .query()
                .singleRow();
        return new HoldoutBaseline(number(c.get("n")), mean(c.get("m")), number(t.get("n")), mean(t.get("m")));
    }

    private static long number(@Nullable Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static double mean(@Nullable Object o) {
        return o == null ? 0.0 : ((Number) o).doubleValue();
    }

    @Override
    public void holdoutCase(
            String decisionId,
            String eventId,
            @Nullable String orgId,
            String contextKey,
            String anomalyType,
            double delta,
            Instant measuredAt) {
        jdbc.sql(
                        "INSERT INTO holdout_cases (decision_id, event_id, org_id, context_key, anomaly_type, delta, measured_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.fromString(decisionId),
                        eventId,
                        orgId,
                        contextKey,
                        anomalyType,
                        delta,
                        SqlTimes.param(measuredAt))
                .update();
    }
}

package com.engagementconductor.agent.jdbc;

import com.engagementconductor.agent.LearningStore;
import com.engagementconductor.agent.LearningStore.Cases;
import com.engagementconductor.agent.LearningStore.HoldoutBaseline;
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
    public HoldoutBaseline holdoutBaseline(
            String eventId, @Nullable String orgId, String contextKey, String anomalyType) {
        String sql = "SELECT COUNT(*) AS n, AVG(delta) AS m FROM holdout_cases WHERE ";
        Cases event = cases(sql + "context_key = ? AND event_id = ?", contextKey, eventId);
        Cases org = orgId == null ? Cases.NONE : cases(sql + "context_key = ? AND org_id = ?", contextKey, orgId);
        Cases global = cases(sql + "context_key = ?", contextKey);
        Cases type = cases(sql + "anomaly_type = ?", anomalyType);
        return new HoldoutBaseline(event, org, global, type);
    }

    private Cases cases(String sql, Object... params) {
        Map<String, Object> row = jdbc.sql(sql).params(params).query().singleRow();
        return new Cases(number(row.get("n")), mean(row.get("m")));
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

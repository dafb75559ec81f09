package com.engagementconductor.agent.jdbc;

import com.engagementconductor.agent.Decision;
import com.engagementconductor.agent.DecisionStore;
import com.engagementconductor.agent.Resolution;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code decisions} table; resolutions are conditional updates, so exactly one resolver wins. */
@Repository
class JdbcDecisions implements DecisionStore {
    private static final String COLUMNS = "id, session_id, event_id, created_at, expires_at, intervention_type,"
            + " context_key, posterior_mean, probability_best, confidence, reasoning, content, resolution, resolved_at,"
            + " resolved_by, anomaly_id, auto_approved, holdout, reason";

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final JsonMapper mapper;

    JdbcDecisions(JdbcClient jdbc, JsonColumns json, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void insert(Decision d) {
        jdbc.sql("INSERT INTO decisions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + json.parameter()
                        + ", ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        d.id(),
                        d.sessionId(),
                        d.eventId(),
                        SqlTimes.param(d.createdAt()),
                        SqlTimes.param(d.expiresAt()),
                        d.type().name(),
                        d.contextKey(),
                        d.posteriorMean(),
                        d.probabilityBest(),
                        d.posteriorMean(),
                        d.reasoning(),
                        d.content() == null ? null : mapper.writeValueAsString(d.content()),
                        d.resolution().name(),
                        SqlTimes.param(d.resolvedAt()),
                        d.resolvedBy(),
                        d.anomalyId(),
                        d.autoApproved(),
                        d.holdout(),
                        d.reason())
                .update();
    }

    @Override
    public boolean resolve(UUID id, Resolution to, Instant at, @Nullable String by, @Nullable String reason) {
        return jdbc.sql("UPDATE decisions SET resolution = ?, resolved_at = ?, resolved_by = ?, reason = ?"
                                + " WHERE id = ? AND resolution = 'PENDING'")
                        .params(to.name(), SqlTimes.param(at), by, reason, id)
                        .update()
                == 1;
    }

    @Override
    public void content(UUID id, String contentJson) {
        jdbc.sql("UPDATE decisions SET content = " + json.parameter() + " WHERE id = ?")
                .params(contentJson, id)
                .update();
    }

    @Override
    public Optional<Decision> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM decisions WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    @Override
    public List<Decision> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM decisions WHERE resolution = 'PENDING' ORDER BY created_at")
                .query(this::map)
                .list();
    }

    @Override
    public Page list(String sessionId, boolean pendingOnly, int limit, int offset) {
        String where = " WHERE session_id = ?" + (pendingOnly ? " AND resolution = 'PENDING'" : "");
        long total = jdbc.sql("SELECT COUNT(*) FROM decisions" + where)
                .param(sessionId)
                .query(Long.class)
                .single();
        List<Decision> page = jdbc.sql("SELECT " + COLUMNS + " FROM decisions" + where
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(sessionId, limit, offset)
                .query(this::map)
                .list();
        return new Page(total, page);
    }

    private Decision map(ResultSet rs, int row) throws SQLException {
        Resolution resolution = Resolution.valueOf(rs.getString("resolution"));
        boolean holdout = rs.getBoolean("holdout");
        boolean auto = rs.getBoolean("auto_approved");
        Resolution born = holdout ? Resolution.HOLDOUT : (auto ? Resolution.AUTO_APPROVED : Resolution.PENDING);
        Decision d = new Decision(
                rs.getObject("id", UUID.class),
                rs.getString("session_id"),
                rs.getString("event_id"),
                SqlTimes.readRequired(rs, "created_at"),
                SqlTimes.read(rs, "expires_at"),
                InterventionType.valueOf(rs.getString("intervention_type")),
                rs.getString("context_key"),
                rs.getDouble("posterior_mean"),
                rs.getDouble("probability_best"),
                rs.getString("reasoning"),
                rs.getObject("anomaly_id", UUID.class),
                born);
        String content = rs.getString("content");
        if (content != null) {
            d.content(mapper.readValue(content, new TypeReference<Map<String, Object>>() {}));
        }
        return Decision.restore(
                d, resolution, SqlTimes.read(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("reason"));
    }
}

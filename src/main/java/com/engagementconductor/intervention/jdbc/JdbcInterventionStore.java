package com.engagementconductor.intervention.jdbc;

import com.engagementconductor.intervention.InterventionRecord;
import com.engagementconductor.intervention.InterventionStatus;
import com.engagementconductor.intervention.InterventionStore;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code interventions} table; {@code extra_data} holds the record's metadata, {@code outcome} its outcome. */
@Repository
class JdbcInterventionStore implements InterventionStore {
    private static final String COLUMNS =
            "id, session_id, event_id, timestamp, type, confidence, reasoning, status, decision_id, extra_data, outcome";
    private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final JsonMapper mapper;
    private final RowMapper<InterventionRecord> rows = this::read;

    JdbcInterventionStore(JdbcClient jdbc, JsonColumns json, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void insert(InterventionRecord r) {
        Map<String, @Nullable Object> outcome = r.outcome();
        var statement = jdbc.sql("INSERT INTO interventions (id, session_id, event_id, timestamp, type, confidence,"
                        + " reasoning, status, decision_id, extra_data, outcome) VALUES (:id, :session, :event, :at,"
                        + " :type, :confidence, :reasoning, :status, :decision, " + json.parameter("extra") + ", "
                        + (outcome == null ? "NULL" : json.parameter("outcome")) + ")")
                .param("id", r.id())
                .param("session", r.sessionId())
                .param("event", r.eventId())
                .param("at", SqlTimes.param(r.timestamp()))
                .param("type", r.type().name())
                .param("confidence", r.confidence())
                .param("reasoning", r.reasoning())
                .param("status", r.status().name())
                .param("decision", r.decisionId())
                .param("extra", mapper.writeValueAsString(r.metadata()));
        if (outcome != null) {
            statement = statement.param("outcome", mapper.writeValueAsString(outcome));
        }
        statement.update();
    }

    @Override
    public Optional<InterventionRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM interventions WHERE id = ?")
                .param(id)
                .query(rows)
                .optional();
    }

    @Override
    public Optional<UUID> idForDecision(UUID decisionId) {
        return jdbc.sql("SELECT id FROM interventions WHERE decision_id = ?")
                .param(decisionId)
                .query((rs, n) -> rs.getObject("id", UUID.class))
                .optional();
    }

    @Override
    public Optional<InterventionRecord> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM interventions WHERE id = ? FOR UPDATE")
                .param(id)
                .query(rows)
                .optional();
    }

    @Override
    public boolean updateOutcome(UUID id, InterventionStatus status, @Nullable Map<String, @Nullable Object> outcome) {
        var statement = jdbc.sql("UPDATE interventions SET status = :status, outcome = "
                        + (outcome == null ? "NULL" : json.parameter("outcome")) + " WHERE id = :id")
                .param("status", status.name())
                .param("id", id);
        if (outcome != null) {
            statement = statement.param("outcome", mapper.writeValueAsString(outcome));
        }
        return statement.update() > 0;
    }

    @Override
    public boolean updateMetadata(UUID id, Map<String, @Nullable Object> metadata) {
        return jdbc.sql("UPDATE interventions SET extra_data = " + json.parameter("extra") + " WHERE id = :id")
                        .param("extra", mapper.writeValueAsString(metadata))
                        .param("id", id)
                        .update()
                > 0;
    }

    @Override
    public long countForSession(String sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM interventions WHERE session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single();
    }

    @Override
    public List<InterventionRecord> forSession(String sessionId, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM interventions WHERE session_id = ?"
                        + " ORDER BY timestamp DESC, id DESC LIMIT ? OFFSET ?")
                .params(sessionId, limit, offset)
                .query(rows)
                .list();
    }

    @Override
    public long countForEvent(String eventId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM interventions WHERE event_id = ? AND timestamp >= ?")
                .params(eventId, SqlTimes.param(since))
                .query(Long.class)
                .single();
    }

    @Override
    public List<InterventionRecord> forEvent(String eventId, Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM interventions WHERE event_id = ? AND timestamp >= ?"
                        + " ORDER BY timestamp DESC, id DESC LIMIT ?")
                .params(eventId, SqlTimes.param(since), limit)
                .query(rows)
                .list();
    }

    @Override
    public List<InterventionRecord> dispatchedSince(Instant since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM interventions WHERE status = ? AND timestamp >= ?"
                        + " ORDER BY timestamp LIMIT ?")
                .params(InterventionStatus.DISPATCHED.name(), SqlTimes.param(since), limit)
                .query(rows)
                .list();
    }

    private InterventionRecord read(ResultSet rs, int n) throws SQLException {
        double confidence = rs.getDouble("confidence");
        Double maybeConfidence = rs.wasNull() ? null : confidence;
        String reasoning = rs.getString("reasoning");
        Map<String, @Nullable Object> metadata = parse(rs.getString("extra_data"));
        return new InterventionRecord(
                rs.getObject("id", UUID.class),
                rs.getString("session_id"),
                rs.getString("event_id"),
                SqlTimes.readRequired(rs, "timestamp"),
                InterventionType.parse(rs.getString("type")),
                maybeConfidence,
                reasoning == null ? "" : reasoning,
                rs.getString("status") == null
                        ? InterventionStatus.DISPATCHED
                        : InterventionStatus.valueOf(rs.getString("status")),
                rs.getObject("decision_id", UUID.class),
                metadata == null ? Map.of() : metadata,
                parse(rs.getString("outcome")));
    }

    private @Nullable Map<String, @Nullable Object> parse(@Nullable String text) {
        return text == null ? null : mapper.readValue(text, MAP);
    }
}

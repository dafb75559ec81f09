package com.engagementconductor.signals.jdbc;

import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import com.engagementconductor.signals.SessionInfo;
import com.engagementconductor.signals.SessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sessions} table, and the ownership columns of {@code event_agent_settings}. */
@Repository
class JdbcSessions implements SessionStore {
    private static final String COLUMNS =
            "id, event_id, org_id, title, topic, metadata, mode, status, event_provisional, created_at, ended_at";

    private final JdbcClient jdbc;
    private final JsonColumns json;

    JdbcSessions(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<SessionInfo> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE id = ?")
                .param(id)
                .query(JdbcSessions::map)
                .optional();
    }

    @Override
    public void insert(SessionInfo s) {
        jdbc.sql("INSERT INTO sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, " + json.parameter()
                        + ", ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        s.eventId(),
                        s.orgId(),
                        s.title(),
                        s.topic(),
                        s.metadata(),
                        s.mode(),
                        s.status(),
                        s.eventProvisional(),
                        SqlTimes.param(s.createdAt()),
                        SqlTimes.param(s.endedAt()))
                .update();
    }

    @Override
    public void update(SessionInfo s) {
        jdbc.sql("UPDATE sessions SET event_id = ?, org_id = ?, title = ?, topic = ?, metadata = " + json.parameter()
                        + ", mode = ?, status = ?, event_provisional = ?, ended_at = ? WHERE id = ?")
                .params(
                        s.eventId(),
                        s.orgId(),
                        s.title(),
                        s.topic(),
                        s.metadata(),
                        s.mode(),
                        s.status(),
                        s.eventProvisional(),
                        SqlTimes.param(s.endedAt()),
                        s.id())
                .update();
    }

    @Override
    public Optional<EventOwnership> eventSettings(String eventId) {
        return jdbc.sql("SELECT org_id, agent_mode FROM event_agent_settings WHERE event_id = ?")
                .param(eventId)
                .query((rs, n) -> new EventOwnership(rs.getString("org_id"), rs.getString("agent_mode")))
                .optional();
    }

    @Override
    public Page list(
            @Nullable String orgId,
            boolean allOrgs,
            @Nullable String eventId,
            @Nullable Boolean active,
            int limit,
            int offset) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!allOrgs) {
            where.append(" AND org_id = ?");
            args.add(orgId == null ? "" : orgId);
        }
        if (eventId != null) {
            where.append(" AND event_id = ?");
            args.add(eventId);
        }
        if (active != null) {
            where.append(active ? " AND ended_at IS NULL" : " AND ended_at IS NOT NULL");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM sessions" + where)
                .params(args)
                .query(Long.class)
                .single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(offset);
        List<SessionInfo> page = jdbc.sql("SELECT " + COLUMNS + " FROM sessions" + where
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(pageArgs)
                .query(JdbcSessions::map)
                .list();
        return new Page(total, page);
    }

    @Override
    public Optional<String> orgOfEvent(String eventId) {
        return jdbc.sql(
                        "SELECT org_id FROM sessions WHERE event_id = ? AND org_id IS NOT NULL ORDER BY created_at LIMIT 1")
                .param(eventId)
                .query(String.class)
                .optional();
    }

    @Override
    public int claimEvent(String eventId, String orgId) {
        return jdbc.sql("UPDATE sessions SET org_id = ? WHERE event_id = ? AND org_id IS NULL")
                .params(orgId, eventId)
                .update();
    }

    @Override
    public List<SessionInfo> unended() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE ended_at IS NULL")
                .query(JdbcSessions::map)
                .list();
    }

    private static SessionInfo map(ResultSet rs, int row) throws SQLException {
        return new SessionInfo(
                rs.getString("id"),
                rs.getString("event_id"),
                rs.getString("org_id"),
                rs.getString("title"),
                rs.getString("topic"),
                rs.getString("metadata"),
                rs.getString("mode"),
                rs.getString("status"),
                rs.getBoolean("event_provisional"),
                SqlTimes.readRequired(rs, "created_at"),
                SqlTimes.read(rs, "ended_at"));
    }
}

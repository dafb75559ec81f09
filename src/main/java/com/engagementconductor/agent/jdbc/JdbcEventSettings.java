package com.engagementconductor.agent.jdbc;

import com.engagementconductor.agent.AgentMode;
import com.engagementconductor.agent.EventSettings;
import com.engagementconductor.agent.EventSettingsStore;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code event_agent_settings} table. */
@Repository
class JdbcEventSettings implements EventSettingsStore {
    private static final String COLUMNS = "event_id, org_id, agent_enabled, agent_mode, auto_approve_threshold,"
            + " min_confidence_threshold, allowed_interventions, max_interventions_per_hour, holdout_fraction,"
            + " approval_timeout_seconds, notify_on_anomaly, notify_on_intervention, notification_emails, created_at,"
            + " updated_at";

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final JsonMapper mapper;
    private final InstantSource clock;

    JdbcEventSettings(JdbcClient jdbc, JsonColumns json, JsonMapper mapper, InstantSource clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Optional<EventSettings> find(String eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event_agent_settings WHERE event_id = ?")
                .param(eventId)
                .query(this::map)
                .optional();
    }

    @Override
    @Transactional
    public EventSettings save(EventSettings s) {
        Instant now = clock.instant();
        String allowed = s.allowedInterventions() == null
                ? null
                : mapper.writeValueAsString(s.allowedInterventions().stream()
                        .sorted()
                        .map(Enum::name)
                        .toList());
        String emails = s.notificationEmails() == null ? null : mapper.writeValueAsString(s.notificationEmails());
        List<Object> values = new ArrayList<>(Arrays.asList(
                s.orgId(),
                s.agentEnabled(),
                s.agentMode().name(),
                s.autoApproveThreshold(),
                s.minConfidenceThreshold(),
                allowed,
                s.maxInterventionsPerHour(),
                s.holdoutFraction(),
                s.approvalTimeoutSeconds(),
                s.notifyOnAnomaly(),
                s.notifyOnIntervention(),
                emails,
                SqlTimes.param(now)));
        List<Object> update = new ArrayList<>(values);
        update.add(s.eventId());
        int updated = jdbc.sql("UPDATE event_agent_settings SET org_id = ?, agent_enabled = ?, agent_mode = ?,"
                        + " auto_approve_threshold = ?, min_confidence_threshold = ?, allowed_interventions = "
                        + json.parameter() + ", max_interventions_per_hour = ?, holdout_fraction = ?,"
                        + " approval_timeout_seconds = ?, notify_on_anomaly = ?, notify_on_intervention = ?,"
                        + " notification_emails = " + json.parameter() + ", updated_at = ? WHERE event_id = ?")
                .params(update)
                .update();
        if (updated == 0) {
            List<Object> insert = new ArrayList<>();
            insert.add(s.eventId());
            insert.addAll(values);
            insert.add(SqlTimes.param(now));
            jdbc.sql("INSERT INTO event_agent_settings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, " + json.parameter()
                            + ", ?, ?, ?, ?, ?, " + json.parameter() + ", ?, ?)")
                    .params(insert)
                    .update();
        }
        return find(s.eventId()).orElseThrow();
    }

    private EventSettings map(ResultSet rs, int row) throws SQLException {
        return new EventSettings(
                rs.getString("event_id"),
                rs.getString("org_id"),
                rs.getBoolean("agent_enabled"),
                AgentMode.parse(rs.getString("agent_mode")).orElse(AgentMode.MANUAL),
                rs.getDouble("auto_approve_threshold"),
                rs.getDouble("min_confidence_threshold"),
                types(rs.getString("allowed_interventions")),
                rs.getInt("max_interventions_per_hour"),
                rs.getDouble("holdout_fraction"),
                rs.getInt("approval_timeout_seconds"),
                rs.getBoolean("notify_on_anomaly"),
                rs.getBoolean("notify_on_intervention"),
                strings(rs.getString("notification_emails")),
                true,
                SqlTimes.read(rs, "created_at"),
                SqlTimes.read(rs, "updated_at"));
    }

    private @Nullable Set<InterventionType> types(@Nullable String text) {
        List<String> names = strings(text);
        if (names == null) {
            return null;
        }
        Set<InterventionType> set = EnumSet.noneOf(InterventionType.class);
        for (String n : names) {
            try {
                set.add(InterventionType.parse(n));
            } catch (IllegalArgumentException ignored) {
                // an unknown stored value is not an allowed arm
            }
        }
        return set;
    }

    private @Nullable List<String> strings(@Nullable String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = mapper.readTree(text);
        if (!node.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asString()));
        return out;
    }
}

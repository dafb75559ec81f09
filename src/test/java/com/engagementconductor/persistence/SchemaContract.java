package com.engagementconductor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.shared.jdbc.DatabaseKind;
import com.engagementconductor.shared.jdbc.JsonColumns;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables of contracts §9 as the migrations must create them, and the checks both database tests
 * (H2 and PostgreSQL) run against a freshly migrated schema.
 */
final class SchemaContract {

    /** Column definitions per table: {@code name type [NOT NULL]}; types as written in contracts §9. */
    static final Map<String, List<String>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(
                "engagement_metrics",
                List.of(
                        "time timestamptz NOT NULL",
                        "session_id varchar(255) NOT NULL",
                        "event_id varchar(255) NOT NULL",
                        "engagement_score double NOT NULL",
                        "chat_msgs_per_min double",
                        "poll_participation double",
                        "reactions_per_min double",
                        "user_leave_rate double",
                        "active_users integer",
                        "extra_data json"));
        TABLES.put(
                "interventions",
                List.of(
                        "id uuid NOT NULL",
                        "session_id varchar(255) NOT NULL",
                        "timestamp timestamptz NOT NULL",
                        "type varchar(50)",
                        "confidence double",
                        "reasoning text",
                        "outcome json",
                        "extra_data json",
                        "decision_id uuid",
                        "event_id varchar(255) NOT NULL",
                        "status varchar(30)"));
        TABLES.put(
                "anomalies",
                List.of(
                        "id uuid NOT NULL",
                        "session_id varchar(255) NOT NULL",
                        "event_id varchar(255) NOT NULL",
                        "timestamp timestamptz",
                        "anomaly_type varchar(50)",
                        "severity varchar(20)",
                        "anomaly_score double NOT NULL",
                        "current_engagement double NOT NULL",
                        "expected_engagement double NOT NULL",
                        "deviation double NOT NULL",
                        "signals json",
                        "metadata json"));
        TABLES.put(
                "agent_performance",
                List.of(
                        "time timestamptz NOT NULL",
                        "agent_id varchar(100) NOT NULL",
                        "session_id varchar(255) NOT NULL",
                        "intervention_type varchar(50)",
                        "success boolean",
                        "engagement_delta double",
                        "confidence double",
                        "extra_data json"));
        TABLES.put(
                "event_agent_settings",
                List.of(
                        "event_id varchar(255) NOT NULL",
                        "agent_enabled boolean NOT NULL",
                        "agent_mode varchar(20) NOT NULL",
                        "auto_approve_threshold double NOT NULL",
                        "min_confidence_threshold double NOT NULL",
                        "allowed_interventions json",
                        "max_interventions_per_hour integer NOT NULL",
                        "notify_on_anomaly boolean NOT NULL",
                        "notify_on_intervention boolean NOT NULL",
                        "notification_emails json",
                        "created_at timestamptz NOT NULL",
                        "updated_at timestamptz NOT NULL",
                        "holdout_fraction double NOT NULL",
                        "approval_timeout_seconds integer NOT NULL",
                        "org_id varchar(255)"));
        TABLES.put(
                "sessions",
                List.of(
                        "id varchar(255) NOT NULL",
                        "event_id varchar(255) NOT NULL",
                        "org_id varchar(255)",
                        "title varchar(200)",
                        "topic varchar(200)",
                        "mode varchar(20)",
                        "status varchar(20)",
                        "created_at timestamptz NOT NULL",
                        "ended_at timestamptz",
                        "metadata json",
                        "event_provisional boolean NOT NULL",
                        "last_score double",
                        "last_score_at timestamptz",
                        "last_activity timestamptz"));
        TABLES.put(
                "decisions",
                List.of(
                        "id uuid NOT NULL",
                        "session_id varchar(255) NOT NULL",
                        "created_at timestamptz NOT NULL",
                        "expires_at timestamptz",
                        "intervention_type varchar(50)",
                        "context_key varchar(200)",
                        "posterior_mean double",
                        "probability_best double",
                        "reasoning text",
                        "content json",
                        "resolution varchar(20) NOT NULL",
                        "resolved_at timestamptz",
                        "resolved_by varchar(255)",
                        "confidence double",
                        "event_id varchar(255)",
                        "anomaly_id uuid",
                        "auto_approved boolean NOT NULL",
                        "holdout boolean NOT NULL",
                        "reason varchar(500)"));
        TABLES.put(
                "bandit_arms",
                List.of(
                        "scope varchar(300) NOT NULL",
                        "context_key varchar(200) NOT NULL",
                        "arm varchar(20) NOT NULL",
                        "alpha double NOT NULL",
                        "beta double NOT NULL",
                        "attempts bigint NOT NULL",
                        "updated_at timestamptz NOT NULL"));
        TABLES.put(
                "arm_counters",
                List.of(
                        "scope varchar(300) NOT NULL",
                        "context_key varchar(200) NOT NULL",
                        "arm varchar(20) NOT NULL",
                        "accepted integer NOT NULL",
                        "rejected integer NOT NULL",
                        "expired integer NOT NULL",
                        "execution_failures integer NOT NULL",
                        "unconfirmed integer NOT NULL",
                        "incomplete integer NOT NULL",
                        "confounded integer NOT NULL",
                        "updated_at timestamptz NOT NULL"));
        TABLES.put(
                "holdout_cases",
                List.of(
                        "decision_id uuid NOT NULL",
                        "event_id varchar(255)",
                        "org_id varchar(255)",
                        "context_key varchar(200)",
                        "anomaly_type varchar(50)",
                        "delta double",
                        "measured_at timestamptz"));
        TABLES.put(
                "user_onboarding",
                List.of(
                        "user_id varchar(255) NOT NULL",
                        "completed boolean NOT NULL",
                        "updated_at timestamptz NOT NULL"));
        TABLES.put(
                "outbox",
                List.of(
                        "id bigint NOT NULL",
                        "topic varchar(200) NOT NULL",
                        "payload text NOT NULL",
                        "created_at timestamptz NOT NULL",
                        "published_at timestamptz"));
    }

    static final Map<String, List<String>> PRIMARY_KEYS = Map.ofEntries(
            Map.entry("engagement_metrics", List.of("session_id", "time")),
            Map.entry("interventions", List.of("id")),
            Map.entry("anomalies", List.of("id")),
            Map.entry("agent_performance", List.of("time", "agent_id", "session_id")),
            Map.entry("event_agent_settings", List.of("event_id")),
            Map.entry("sessions", List.of("id")),
            Map.entry("decisions", List.of("id")),
            Map.entry("bandit_arms", List.of("scope", "context_key", "arm")),
            Map.entry("arm_counters", List.of("scope", "context_key", "arm")),
            Map.entry("holdout_cases", List.of("decision_id")),
            Map.entry("user_onboarding", List.of("user_id")),
            Map.entry("outbox", List.of("id")));

    /** Indexes contracts §9 names (table → leading columns in order), plus the unique decision id. */
    static final List<List<String>> INDEXES = List.of(
            List.of("engagement_metrics", "event_id", "time"),
            List.of("interventions", "session_id", "timestamp"),
            List.of("interventions", "event_id", "timestamp"),
            List.of("interventions", "decision_id"),
            List.of("anomalies", "session_id", "timestamp"),
            List.of("decisions", "session_id", "created_at"),
            List.of("holdout_cases", "context_key"),
            List.of("holdout_cases", "anomaly_type"),
            List.of("outbox", "published_at", "id"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaContract() {}

    static Flyway flyway(DataSource dataSource, DatabaseKind kind) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("json_type", kind.jsonType()))
                .load();
    }

    /** Every contracted table and column, with its type, length and nullability; nothing missing. */
    static void assertTablesAndColumns(Connection connection, String schema) throws SQLException {
        Map<String, Map<String, String>> actual = new TreeMap<>();
        String sql = "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable"
                + " FROM information_schema.columns WHERE table_schema = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = normalise(rows.getString("data_type"), rows.getObject("character_maximum_length"));
                    String definition = rows.getString("column_name") + " " + type
                            + ("NO".equals(rows.getString("is_nullable")) ? " NOT NULL" : "");
                    actual.computeIfAbsent(rows.getString("table_name"), t -> new LinkedHashMap<>())
                            .put(rows.getString("column_name"), definition);
                }
            }
        }
        for (var table : TABLES.entrySet()) {
            assertThat(actual).as("tables in schema %s", schema).containsKey(table.getKey());
            assertThat(actual.get(table.getKey()).values())
                    .as("columns of %s", table.getKey())
                    .containsExactlyInAnyOrderElementsOf(table.getValue());
        }
    }

    static void assertPrimaryKeysAndIndexes(Connection connection, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (var table : PRIMARY_KEYS.entrySet()) {
            Map<Integer, String> key = new TreeMap<>();
            try (ResultSet rows = meta.getPrimaryKeys(null, schema, table.getKey())) {
                while (rows.next()) {
                    key.put(
                            rows.getInt("KEY_SEQ"),
                            rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            assertThat(List.copyOf(key.values()))
                    .as("primary key of %s", table.getKey())
                    .isEqualTo(table.getValue());
        }
        for (List<String> index : INDEXES) {
            String table = index.get(0);
            List<String> columns = index.subList(1, index.size());
            assertThat(indexes(meta, schema, table).values())
                    .as("index on %s%s", table, columns)
                    .anySatisfy(actual -> assertThat(actual).startsWith(columns.toArray(String[]::new)));
        }
        assertThat(uniqueIndexes(meta, schema, "interventions").values())
                .as("decision_id is unique")
                .contains(List.of("decision_id"));
    }

    /** A settings row with only its key gets every default of contracts §4.8. */
    static void assertEventSettingsDefaults(Connection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO event_agent_settings (event_id) VALUES (?)")) {
            insert.setString(1, "evt_defaults");
            insert.executeUpdate();
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT * FROM event_agent_settings WHERE event_id = ?")) {
            select.setString(1, "evt_defaults");
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean("agent_enabled")).isTrue();
                assertThat(row.getString("agent_mode")).isEqualTo("MANUAL");
                assertThat(row.getDouble("auto_approve_threshold")).isEqualTo(0.75);
                assertThat(row.getDouble("min_confidence_threshold")).isEqualTo(0.50);
                assertThat(row.getInt("max_interventions_per_hour")).isEqualTo(10);
                assertThat(row.getDouble("holdout_fraction")).isEqualTo(0.0);
                assertThat(row.getInt("approval_timeout_seconds")).isEqualTo(120);
                assertThat(row.getBoolean("notify_on_anomaly")).isTrue();
                assertThat(row.getBoolean("notify_on_intervention")).isTrue();
                assertThat(row.getString("allowed_interventions")).isNull();
                assertThat(row.getString("notification_emails")).isNull();
                assertThat(row.getString("org_id")).isNull();
                assertThat(SqlTimes.read(row, "created_at")).isNotNull();
                assertThat(SqlTimes.read(row, "updated_at")).isNotNull();
            }
        }
    }

    /**
     * A JSON object bound through {@link JsonColumns} is stored as an object (not a JSON string), reads
     * back through {@code getString} as the same JSON, and NULL stays SQL NULL. Returns the text read back.
     */
    static String assertJsonRoundTrip(Connection connection, DatabaseKind kind) throws SQLException {
        JsonColumns json = new JsonColumns(kind);
        String text = "{\"signed_deviation\":-0.25,\"components\":{\"chat\":0.4,\"poll\":null},"
                + "\"decision_skips\":[{\"reason\":\"COOLDOWN\",\"at\":\"2026-01-04T12:00:00.000Z\"}],\"note\":\"é \\\"q\\\"\"}";
        UUID withJson = UUID.randomUUID();
        UUID withNull = UUID.randomUUID();
        String insert = "INSERT INTO anomalies (id, session_id, event_id, timestamp, anomaly_type, severity,"
                + " anomaly_score, current_engagement, expected_engagement, deviation, signals, metadata)"
                + " VALUES (?, 's1', 'e1', ?, 'SUDDEN_DROP', 'CRITICAL', 0.9, 0.3, 0.6, 0.3, "
                + json.parameter() + ", " + json.parameter() + ")";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setObject(1, withJson);
            statement.setObject(2, SqlTimes.param(Instant.parse("2026-01-04T12:00:00Z")));
            statement.setString(3, "[1,2,3]");
            statement.setString(4, text);
            statement.addBatch();
            statement.setObject(1, withNull);
            statement.setObject(2, SqlTimes.param(Instant.parse("2026-01-04T12:00:00Z")));
            statement.setNull(3, Types.VARCHAR);
            statement.setString(4, null);
            statement.addBatch();
            statement.executeBatch();
        }
        String objectTest = kind == DatabaseKind.H2
                ? "metadata IS JSON OBJECT, signals IS JSON ARRAY"
                : "jsonb_typeof(metadata) = 'object', jsonb_typeof(signals) = 'array'";
        String read;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT metadata, signals, " + objectTest + " FROM anomalies WHERE id = ?")) {
            select.setObject(1, withJson);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                read = row.getString(1);
                assertThat(JSON.readTree(read)).isEqualTo(JSON.readTree(text));
                assertThat(JSON.readTree(row.getString(2))).isEqualTo(JSON.readTree("[1,2,3]"));
                assertThat(row.getBoolean(3)).as("stored as a JSON object").isTrue();
                assertThat(row.getBoolean(4)).as("stored as a JSON array").isTrue();
            }
            select.setObject(1, withNull);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isNull();
                assertThat(row.getString(2)).isNull();
            }
        }
        return read;
    }

    /** {@code timestamptz} through {@link SqlTimes} keeps the instant, milliseconds and micros included. */
    static void assertTimestampRoundTrip(Connection connection) throws SQLException {
        Instant instant = Instant.parse("2026-01-04T12:00:00.123456Z");
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO user_onboarding (user_id, completed, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, "user_times");
            insert.setBoolean(2, true);
            insert.setObject(3, SqlTimes.param(instant));
            insert.executeUpdate();
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT updated_at FROM user_onboarding WHERE user_id = ?")) {
            select.setString(1, "user_times");
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(SqlTimes.readRequired(row, "updated_at")).isEqualTo(instant);
            }
        }
    }

    /** The outbox id is generated, in insertion order. */
    static void assertOutboxIdsIncrease(Connection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO outbox (topic, payload) VALUES (?, ?)")) {
            for (int i = 0; i < 3; i++) {
                insert.setString(1, "agent.interventions.v1");
                insert.setString(2, "{\"n\":" + i + "}");
                insert.executeUpdate();
            }
        }
        List<Long> ids = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, payload FROM outbox WHERE published_at IS NULL ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
                payloads.add(rows.getString(2));
            }
        }
        assertThat(ids).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(payloads).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
    }

    private static String normalise(String dataType, Object length) {
        String type = dataType.toLowerCase(Locale.ROOT);
        return switch (type) {
                // H2 in PostgreSQL mode turns TEXT into CHARACTER VARYING of its maximum length (not a CLOB).
            case "character varying" -> "1000000000".equals(String.valueOf(length))
                    ? "text"
                    : "varchar(" + length + ")";
            case "double precision" -> "double";
            case "timestamp with time zone" -> "timestamptz";
            case "character large object", "text" -> "text";
            case "json", "jsonb" -> "json";
            default -> type;
        };
    }

    private static Map<String, List<String>> indexes(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        return indexInfo(meta, schema, table, false);
    }

    private static Map<String, List<String>> uniqueIndexes(DatabaseMetaData meta, String schema, String table)
            throws SQLException {
        return indexInfo(meta, schema, table, true);
    }

    private static Map<String, List<String>> indexInfo(
            DatabaseMetaData meta, String schema, String table, boolean unique) throws SQLException {
        Map<String, Map<Short, String>> byName = new TreeMap<>();
        try (ResultSet rows = meta.getIndexInfo(null, schema, table, unique, false)) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME");
                if (column != null) {
                    byName.computeIfAbsent(rows.getString("INDEX_NAME"), n -> new TreeMap<>())
                            .put(rows.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        byName.forEach((name, columns) -> result.put(name, List.copyOf(columns.values())));
        return result;
    }
}

package com.engagementconductor.agent.jdbc;

import com.engagementconductor.agent.UpliftSamples;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the samples of an uplift report: executed decisions' deltas come from their intervention's measured
 * {@code outcome.engagement_delta} (the same value as the {@code agent_performance} row, which does not name the
 * event), holdout deltas from {@code holdout_cases}. Read-only.
 */
@Repository
class JdbcUpliftSamples implements UpliftSamples {
    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    JdbcUpliftSamples(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @Override
    public List<Sample> treated(String eventId) {
        List<Sample> out = new ArrayList<>();
        jdbc.sql("SELECT d.intervention_type, d.context_key, i.outcome FROM decisions d"
                        + " JOIN interventions i ON i.decision_id = d.id"
                        + " WHERE d.event_id = ? AND d.holdout = FALSE AND i.status = 'MEASURED'")
                .param(eventId)
                .query((rs, n) -> {
                    Double delta = delta(rs.getString("outcome"));
                    String type = rs.getString("intervention_type");
                    if (delta != null && type != null) {
                        out.add(new Sample(type, rs.getString("context_key"), delta));
                    }
                    return n;
                })
                .list();
        return out;
    }

    @Override
    public List<Sample> holdout(String eventId) {
        return jdbc.sql("SELECT d.intervention_type, h.context_key, h.delta FROM holdout_cases h"
                        + " JOIN decisions d ON d.id = h.decision_id"
                        + " WHERE h.event_id = ? AND h.delta IS NOT NULL AND d.intervention_type IS NOT NULL")
                .param(eventId)
                .query((rs, n) -> new Sample(
                        rs.getString("intervention_type"), rs.getString("context_key"), rs.getDouble("delta")))
                .list();
    }

    private @Nullable Double delta(@Nullable String outcome) {
        if (outcome == null) {
            return null;
        }
        JsonNode node = mapper.readTree(outcome);
        if (node.isString()) {
            node = mapper.readTree(node.asString());
        }
        JsonNode delta = node.path("engagement_delta");
        return delta.isNumber() && Double.isFinite(delta.asDouble()) ? delta.asDouble() : null;
    }
}

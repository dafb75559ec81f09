package com.engagementconductor.intervention;

import com.engagementconductor.shared.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One execution outcome report as it arrived on {@code platform.agent.intervention-outcomes.v1} (contracts §8.4:
 * {@code {success, intervention_id, session_id, event_id, result?, error?, timestamp}}).
 *
 * @param timestamp the report's own timestamp, if it has a readable one
 */
record OutcomeReport(
        UUID interventionId,
        boolean success,
        @Nullable String error,
        @Nullable Instant timestamp,
        Instant arrivedAt,
        @Nullable Object result) {
    private static final Logger log = LoggerFactory.getLogger(OutcomeReport.class);

    /** Reads a report; {@code success} may be a boolean or its text; unreadable reports are empty. */
    static Optional<OutcomeReport> parse(JsonMapper json, String payload, Instant arrivedAt) {
        try {
            JsonNode n = json.readTree(payload);
            UUID id = UUID.fromString(n.path("intervention_id").asString("").trim());
            JsonNode success = n.path("success");
            boolean ok = success.isBoolean() ? success.booleanValue() : "true".equalsIgnoreCase(success.asString(""));
            JsonNode error = n.path("error");
            String errorText = error.isMissingNode() || error.isNull() ? null : error.asString();
            JsonNode result = n.path("result");
            Object resultValue =
                    result.isMissingNode() || result.isNull() ? null : json.treeToValue(result, Object.class);
            return Optional.of(
                    new OutcomeReport(id, ok, errorText, timestamp(n.path("timestamp")), arrivedAt, resultValue));
        } catch (RuntimeException e) {
            log.debug("unreadable outcome report ignored: {}", e.toString());
            return Optional.empty();
        }
    }

    private static @Nullable Instant timestamp(JsonNode node) {
        if (!node.isString() || node.asString().isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(node.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

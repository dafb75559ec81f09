package com.engagementconductor.api;

import com.engagementconductor.agent.Decision;
import com.engagementconductor.intervention.InterventionRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of the session export (behaviour R9.1): a decision, with the intervention that executed it when there is
 * one, or a manual intervention. {@code success} is the measured success, used by the summary only.
 */
record ReportRow(
        Instant timestamp,
        String type,
        @Nullable Double confidence,
        String status,
        String reasoning,
        @Nullable Double engagementBefore,
        @Nullable Double engagementAfter,
        @Nullable Double engagementDelta,
        @Nullable String generationMethod,
        @Nullable Long latencyMs,
        @Nullable Boolean success) {

    ReportRow {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reasoning, "reasoning");
    }

    /** A decision's row: its creation time, its posterior mean and its state or its intervention's status. */
    static ReportRow of(Decision d, @Nullable InterventionRecord executed) {
        String status =
                switch (d.resolution()) {
                    case APPROVED, AUTO_APPROVED -> executed == null ? "EXECUTED" : status(executed);
                    default -> d.resolution().name();
                };
        return row(d.createdAt(), d.type().name(), d.posteriorMean(), status, d.reasoning(), executed);
    }

    /** A manual intervention's row (or an intervention whose decision is not stored): no decision confidence. */
    static ReportRow of(InterventionRecord r, boolean manual) {
        return row(r.timestamp(), r.type().name(), manual ? null : r.confidence(), status(r), r.reasoning(), r);
    }

    /** The R9.1 status of an executed row: the record's status, {@code MEASURED} split by the measured success. */
    static String status(InterventionRecord r) {
        return switch (r.status()) {
            case DISPATCHED, EXECUTED -> "EXECUTED";
            case MEASURED -> r.measuredSuccess().orElse(false) ? "SUCCEEDED" : "NOT_EFFECTIVE";
            default -> r.status().name();
        };
    }

    boolean measured() {
        return success != null;
    }

    private static ReportRow row(
            Instant at,
            String type,
            @Nullable Double confidence,
            String status,
            String reasoning,
            @Nullable InterventionRecord r) {
        Map<String, @Nullable Object> outcome = r == null || r.outcome() == null ? Map.of() : r.outcome();
        Map<String, @Nullable Object> metadata = r == null ? Map.of() : r.metadata();
        Double before = number(outcome.get("pre_engagement"));
        return new ReportRow(
                at,
                type,
                confidence,
                status,
                reasoning,
                before != null ? before : number(outcome.get("engagement_before")),
                number(outcome.get("post_engagement")) != null
                        ? number(outcome.get("post_engagement"))
                        : number(outcome.get("engagement_after")),
                number(outcome.get("engagement_delta")),
                metadata.get("generation_method") instanceof String s ? s : null,
                metadata.get("latency_ms") instanceof Number n ? Math.round(n.doubleValue()) : null,
                r == null ? null : r.measuredSuccess().orElse(null));
    }

    private static @Nullable Double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}

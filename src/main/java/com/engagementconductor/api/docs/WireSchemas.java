package com.engagementconductor.api.docs;

import static com.engagementconductor.api.docs.Schemas.anyObject;
import static com.engagementconductor.api.docs.Schemas.array;
import static com.engagementconductor.api.docs.Schemas.bool;
import static com.engagementconductor.api.docs.Schemas.enumOf;
import static com.engagementconductor.api.docs.Schemas.id;
import static com.engagementconductor.api.docs.Schemas.integer;
import static com.engagementconductor.api.docs.Schemas.mapOf;
import static com.engagementconductor.api.docs.Schemas.nullable;
import static com.engagementconductor.api.docs.Schemas.nullableRef;
import static com.engagementconductor.api.docs.Schemas.number;
import static com.engagementconductor.api.docs.Schemas.object;
import static com.engagementconductor.api.docs.Schemas.optional;
import static com.engagementconductor.api.docs.Schemas.ref;
import static com.engagementconductor.api.docs.Schemas.request;
import static com.engagementconductor.api.docs.Schemas.string;
import static com.engagementconductor.api.docs.Schemas.time;
import static com.engagementconductor.api.docs.Schemas.uuid;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request and response bodies of contracts §4 and the problem body of §5, with the wire names (snake_case for
 * REST bodies, camelCase for the export, as the contracts fix them). Long by nature: one entry per body.
 */
final class WireSchemas {
    static final String PROBLEM = "Problem";

    private static final String[] MODES = {"MANUAL", "SEMI_AUTO", "AUTO"};
    private static final String[] TYPES = {"POLL", "BROADCAST", "NOTIFICATION", "GAMIFICATION"};
    private static final String[] STATES = {
        "PENDING", "APPROVED", "REJECTED", "EXPIRED", "SUPERSEDED", "CANCELLED", "AUTO_APPROVED", "HOLDOUT"
    };
    private static final String[] AGENT_STATUSES = {
        "MONITORING", "ANOMALY_DETECTED", "WAITING_APPROVAL", "INTERVENING", "LEARNING", "IDLE"
    };
    private static final String[] PROBLEM_CODES = {
        "validation_failed",
        "malformed_json",
        "unauthenticated",
        "token_invalid",
        "token_expired",
        "forbidden",
        "not_found",
        "session_not_found",
        "decision_not_found",
        "simulation_not_found",
        "method_not_allowed",
        "decision_not_pending",
        "session_conflict",
        "simulation_running",
        "simulation_unsupported",
        "payload_too_large",
        "unsupported_media_type",
        "session_not_live",
        "intervention_blocked",
        "rate_limited",
        "internal_error",
        "unavailable"
    };

    private WireSchemas() {}

    static Map<String, Schema> all() {
        Map<String, Schema> s = new LinkedHashMap<>();
        problems(s);
        agent(s);
        settings(s);
        interventions(s);
        sessions(s);
        simulations(s);
        dashboard(s);
        s.put(
                "Health",
                object(
                        "status", enumOf("healthy", "unhealthy"),
                        "timestamp", time(),
                        "version", string(),
                        "uptime_seconds", number()));
        optional(s.get("Health"), "failing");
        s.get("Health").getProperties().put("failing", array(string()));
        s.put(
                "HealthDetailed",
                object(
                        "status", enumOf("healthy", "degraded", "unhealthy"),
                        "timestamp", time(),
                        "version", string(),
                        "uptime_seconds", number(),
                        "components",
                                mapOf(object(
                                        "status",
                                        enumOf("healthy", "degraded", "unhealthy", "embedded", "disabled")))));
        s.put(
                "Metrics",
                object(
                        "timestamp", time(),
                        "agent_metrics",
                                object(
                                        "total_sessions", integer(),
                                        "active_sessions", integer(),
                                        "total_interventions", integer(),
                                        "successful_interventions", integer(),
                                        "failed_interventions", integer(),
                                        "global_success_rate", number(0, 1),
                                        "thompson_sampling_contexts", integer(),
                                        "pending_decisions", integer()),
                        "system_metrics",
                                object("uptime_seconds", number(), "version", string(), "timestamp", time())));
        return s;
    }

    private static void problems(Map<String, Schema> s) {
        s.put("FieldError", object("field", string(), "message", string()));
        s.put(
                PROBLEM,
                optional(
                        object(
                                "type", string().format("uri").example("urn:engagement-conductor:problem:forbidden"),
                                "title", string(),
                                "status", integer(400, 599),
                                "detail", string(),
                                "instance", string(),
                                "code", enumOf(PROBLEM_CODES),
                                "errors", array(ref("FieldError")).description("only on validation_failed"),
                                "state", enumOf(STATES).description("decision_not_pending: the decision's state"),
                                "reason",
                                        enumOf("not_allowed", "cooldown", "session_limit", "event_limit")
                                                .description("intervention_blocked: what blocks it"),
                                "retryAfter",
                                        integer()
                                                .description(
                                                        "rate_limited and intervention_blocked: seconds until a retry can succeed"),
                                "error_id", uuid().description("internal_error: the id that appears in the log")),
                        "errors",
                        "state",
                        "reason",
                        "retryAfter",
                        "error_id"));
        s.get(PROBLEM).description("RFC 9457 problem (application/problem+json); clients branch on code");
    }

    private static void agent(Map<String, Schema> s) {
        s.put("ModeChange", request(List.of("mode"), "mode", enumOf(MODES), "event_id", id()));
        s.put(
                "ModeChanged",
                object("session_id", id(), "mode", enumOf(MODES), "changed_at", time(), "message", string()));
        s.put(
                "CurrentDecision",
                object(
                        "decision_id", uuid(),
                        "intervention_type", enumOf(TYPES),
                        "confidence", number(),
                        "reasoning", string(),
                        "requires_approval", bool()));
        s.put("PendingDecision", object("decision_id", uuid(), "expires_at", time()));
        s.put(
                "SessionStatus",
                optional(
                        object(
                                "session_id", id(),
                                "mode", enumOf(MODES),
                                "status", enumOf(AGENT_STATUSES),
                                "last_activity", nullable(time()),
                                "confidence_score", nullable(number()),
                                "current_decision", nullableRef("CurrentDecision"),
                                "is_active", bool(),
                                "pending_decision", nullableRef("PendingDecision"),
                                "event_id", id(),
                                "org_id", nullable(id())),
                        "event_id",
                        "org_id"));
        s.put(
                "ExecutionResult",
                object(
                        "success", bool(),
                        "intervention_id", nullable(uuid()),
                        "status", enumOf("DISPATCHED", "NOT_EXECUTED"),
                        "result", nullable(anyObject())));
        s.put(
                "Approved",
                object(
                        "session_id", id(),
                        "decision_id", uuid(),
                        "approved_at", time(),
                        "execution_result", ref("ExecutionResult"),
                        "message", string()));
        s.put("Rejection", request(List.of(), "reason", string(500)));
        s.put(
                "Rejected",
                object(
                        "session_id", id(),
                        "decision_id", uuid(),
                        "rejected_at", time(),
                        "reason", nullable(string()),
                        "message", string()));
        s.put(
                "DecisionItem",
                object(
                        "decision_id", uuid(),
                        "created_at", time(),
                        "expires_at", nullable(time()),
                        "intervention_type", enumOf(TYPES),
                        "context_key", string(),
                        "confidence", number(),
                        "posterior_mean", number(),
                        "probability_best", number(),
                        "reasoning", string(),
                        "content_preview", nullable(anyObject()),
                        "state", enumOf(STATES),
                        "resolved_at", nullable(time()),
                        "resolved_by", nullable(string()),
                        "intervention_id", nullable(uuid())));
        s.put("DecisionList", object("session_id", id(), "total", integer(), "decisions", array(ref("DecisionItem"))));
    }

    private static void settings(Map<String, Schema> s) {
        Object[] fields = {
            "agent_enabled", bool(),
            "agent_mode", enumOf(MODES),
            "auto_approve_threshold", Schemas.number(0.5, 1),
            "min_confidence_threshold", Schemas.number(0, 1),
            "allowed_interventions", nullable(array(enumOf(TYPES))),
            "max_interventions_per_hour", Schemas.integer(0, 100),
            "holdout_fraction", Schemas.number(0, 0.5),
            "approval_timeout_seconds", Schemas.integer(30, 1800),
            "notify_on_anomaly", bool(),
            "notify_on_intervention", bool(),
            "notification_emails", nullable(array(string().format("email")).maxItems(20))
        };
        s.put(
                "SettingsPatch",
                request(List.of(), fields)
                        .additionalProperties(false)
                        .description("strict partial update: omitted fields keep their value"));
        Schema<Object> full = object(fields);
        Map<String, Schema> props = new LinkedHashMap<>();
        props.put("event_id", id());
        props.put("org_id", nullable(id()));
        props.putAll(full.getProperties());
        props.put("source", enumOf("stored", "default"));
        props.put("created_at", nullable(time()));
        props.put("updated_at", nullable(time()));
        full.setProperties(props);
        full.setRequired(new java.util.ArrayList<>(props.keySet()));
        s.put("EventSettings", full);
    }

    private static void interventions(Map<String, Schema> s) {
        s.put(
                "ManualIntervention",
                request(
                        List.of("session_id", "event_id", "intervention_type", "reason"),
                        "session_id",
                        id(),
                        "event_id",
                        id(),
                        "intervention_type",
                        string().description("POLL, BROADCAST, NOTIFICATION or GAMIFICATION, case-insensitive;"
                                + " CHAT_PROMPT is an alias of BROADCAST"),
                        "reason",
                        string(500),
                        "context",
                        anyObject().description("content overrides per type (contracts §4.9), at most 8 KiB")));
        s.put(
                "ManualTriggered",
                object(
                        "success", bool(),
                        "intervention_id", uuid(),
                        "message", string(),
                        "details",
                                object(
                                        "status", enumOf("DISPATCHED"),
                                        "intervention_type", enumOf(TYPES),
                                        "content_source", enumOf("provided", "generated", "template"))));
        s.put(
                "Outcome",
                object(
                        "executed", nullable(bool()),
                        "success", nullable(bool()).description("measured success (delta > 0.02)"),
                        "engagement_before", nullable(number()),
                        "engagement_after", nullable(number()),
                        "engagement_delta", nullable(number()),
                        "pre_engagement", nullable(number()),
                        "post_engagement", nullable(number()),
                        "reward", nullable(number()),
                        "uplift", nullable(number()),
                        "holdout_mean", nullable(number()),
                        "confounded", nullable(bool()),
                        "executed_at", nullable(time()),
                        "measured_at", nullable(time()),
                        "error", nullable(string())));
        s.put(
                "InterventionItem",
                object(
                        "id", uuid(),
                        "session_id", id(),
                        "event_id", id(),
                        "timestamp", time(),
                        "type", enumOf(TYPES),
                        "confidence", nullable(number()),
                        "reasoning", string(),
                        "status",
                                enumOf(
                                        "DISPATCHED",
                                        "EXECUTED",
                                        "UNCONFIRMED",
                                        "FAILED",
                                        "MEASURED",
                                        "MEASUREMENT_INCOMPLETE"),
                        "decision_id", nullable(uuid()),
                        "metadata",
                                mapOf(new Schema<>())
                                        .description("question, options, prompt, message, poll_question, poll_options,"
                                                + " generation_method, latency_ms and further stored keys"),
                        "outcome", nullableRef("Outcome")));
        s.put("InterventionHistory", object("total", integer(), "interventions", array(ref("InterventionItem"))));
        s.put(
                "InterventionStats",
                object(
                        "session_id", id(),
                        "total_interventions", integer(),
                        "by_type", mapOf(integer()),
                        "success_rate", number(),
                        "avg_confidence", number(),
                        "successful_interventions", integer()));
    }

    private static void sessions(Map<String, Schema> s) {
        s.put(
                "Registration",
                request(
                        List.of("event_id", "session_id"),
                        "event_id",
                        id(),
                        "session_id",
                        id(),
                        "org_id",
                        id(),
                        "title",
                        string(200),
                        "topic",
                        string(200),
                        "metadata",
                        anyObject().description("at most 8 KiB serialised")));
        s.put(
                "Registered",
                object(
                        "session_id", id(),
                        "event_id", id(),
                        "org_id", nullable(id()),
                        "agent_mode", enumOf(MODES),
                        "registered_at", time(),
                        "message", string()));
        s.put("Unregistered", object("session_id", id(), "unregistered_at", time(), "message", string()));
        s.put(
                "SessionItem",
                object(
                        "session_id", id(),
                        "event_id", id(),
                        "org_id", nullable(id()),
                        "title", nullable(string()),
                        "mode", enumOf(MODES),
                        "status", enumOf(AGENT_STATUSES),
                        "is_active", bool(),
                        "last_score", nullable(number()),
                        "last_score_at", nullable(time()),
                        "pending_decisions", integer(),
                        "created_at", time()));
        s.put("SessionList", object("total", integer(), "sessions", array(ref("SessionItem"))));
        s.put(
                "EngagementPoint",
                object(
                        "timestamp", time(),
                        "score", number(),
                        "category", enumOf("VERY_HIGH", "HIGH", "MODERATE", "LOW", "VERY_LOW"),
                        "signals", mapOf(new Schema<>())));
        s.put(
                "AnomalyItem",
                object(
                        "anomaly_id", uuid(),
                        "timestamp", time(),
                        "type", enumOf("SUDDEN_DROP", "GRADUAL_DECLINE", "LOW_ENGAGEMENT", "MASS_EXIT"),
                        "severity", enumOf("WARNING", "CRITICAL"),
                        "anomaly_score", number(),
                        "current_engagement", number(),
                        "expected_engagement", number(),
                        "deviation", number()));
        s.put(
                "InterventionMark",
                object(
                        "intervention_id", uuid(),
                        "timestamp", time(),
                        "type", enumOf(TYPES),
                        "status", string(),
                        "decision_id", nullable(uuid())));
        s.put(
                "EngagementHistory",
                object(
                        "session_id", id(),
                        "event_id", id(),
                        "interval_seconds", integer(),
                        "formula", enumOf("v1", "v2"),
                        "points", array(ref("EngagementPoint")),
                        "anomalies", array(ref("AnomalyItem")),
                        "interventions", array(ref("InterventionMark"))));
        s.put(
                "SignalItem",
                request(
                        List.of("type", "user_id"),
                        "type",
                        enumOf(
                                "chat",
                                "reaction",
                                "poll_vote",
                                "poll_opened",
                                "poll_closed",
                                "qa_question",
                                "qa_upvote",
                                "join",
                                "leave"),
                        "user_id",
                        string(255),
                        "timestamp",
                        time(),
                        "text",
                        string().maxLength(2000),
                        "poll_id",
                        string(),
                        "option_id",
                        string(),
                        "emoji",
                        string(10)));
        s.get("SignalItem").additionalProperties(false);
        s.put(
                "SignalBatch",
                request(
                        List.of("signals"),
                        "signals",
                        array(ref("SignalItem")).minItems(1).maxItems(1000)));
        s.put("SignalsAccepted", object("session_id", id(), "accepted", integer()));
        export(s);
    }

    private static void export(Map<String, Schema> s) {
        s.put(
                "ExportRow",
                object(
                        "timestamp", time(),
                        "type", enumOf(TYPES),
                        "confidence", nullable(number()),
                        "status",
                                enumOf(
                                        "PENDING",
                                        "EXECUTED",
                                        "SUCCEEDED",
                                        "NOT_EFFECTIVE",
                                        "FAILED",
                                        "UNCONFIRMED",
                                        "MEASUREMENT_INCOMPLETE",
                                        "REJECTED",
                                        "EXPIRED",
                                        "SUPERSEDED",
                                        "CANCELLED",
                                        "HOLDOUT"),
                        "reasoning", string(),
                        "engagementBefore", nullable(number()),
                        "engagementAfter", nullable(number()),
                        "engagementDelta", nullable(number()),
                        "generationMethod", nullable(string()),
                        "latencyMs", nullable(integer())));
        s.put(
                "ExportSummary",
                object(
                        "totalInterventions", integer(),
                        "interventionsByType", mapOf(integer()),
                        "interventionsByStatus", mapOf(integer()),
                        "averageConfidence", nullable(number()),
                        "successCount", integer(),
                        "measuredCount", integer(),
                        "successRate", nullable(number()).description("successCount / measuredCount, 3 decimals"),
                        "averageEngagement", nullable(number()),
                        "minEngagement", nullable(number()),
                        "maxEngagement", nullable(number()),
                        "anomaliesByType", mapOf(integer())));
        s.put(
                "SessionExport",
                object(
                        "exportDate", time(),
                        "sessionId", id(),
                        "eventId", id(),
                        "totalInterventions", integer(),
                        "interventions", array(ref("ExportRow")),
                        "summary", ref("ExportSummary")));
    }

    private static void dashboard(Map<String, Schema> s) {
        s.put("OnboardingStep", object("id", string(), "text", string()));
        s.put("Onboarding", object("user_id", string(), "completed", bool(), "steps", array(ref("OnboardingStep"))));
        s.put("OnboardingUpdate", request(List.of("completed"), "completed", bool()));
        s.put(
                "UpliftRow",
                object(
                        "intervention_type", enumOf("POLL", "BROADCAST", "NOTIFICATION", "GAMIFICATION"),
                        "context_key", nullable(string()),
                        "treated_n", integer(),
                        "treated_mean", nullable(number()),
                        "holdout_n", integer(),
                        "holdout_mean", nullable(number()),
                        "uplift", nullable(number()),
                        "ci_low", nullable(number()),
                        "ci_high", nullable(number())));
        s.put("Uplift", object("event_id", id(), "arms", array(ref("UpliftRow")), "contexts", array(ref("UpliftRow"))));
    }

    private static void simulations(Map<String, Schema> s) {
        String[] scenarios = {"demo", "sudden_drop", "gradual_decline", "mass_exit", "low_engagement", "steady"};
        s.put(
                "SimulationRequest",
                request(
                        List.of("session_id", "scenario"),
                        "session_id",
                        id(),
                        "scenario",
                        enumOf(scenarios),
                        "attendees",
                        Schemas.integer(1, 2000),
                        "speed",
                        Schemas.number(0.25, 20),
                        "seed",
                        integer(),
                        "event_id",
                        id()));
        s.put(
                "Simulation",
                optional(
                        object(
                                "simulation_id", uuid(),
                                "session_id", id(),
                                "scenario", enumOf(scenarios),
                                "started_at", time(),
                                "attendees", integer(),
                                "speed", number(),
                                "seed", integer(),
                                "state", enumOf("RUNNING", "COMPLETED", "STOPPED"),
                                "ended_at", nullable(time()),
                                "elapsed_seconds", number(),
                                "signals_emitted", integer()),
                        "ended_at",
                        "elapsed_seconds",
                        "signals_emitted"));
        s.put(
                "SimulationStopped",
                object(
                        "simulation_id", uuid(),
                        "state", enumOf("RUNNING", "COMPLETED", "STOPPED"),
                        "stopped_at", nullable(time())));
    }
}

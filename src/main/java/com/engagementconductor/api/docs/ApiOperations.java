package com.engagementconductor.api.docs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the OpenAPI description says about each handler, keyed by {@code Controller.method}: tag, summary, request and
 * response bodies (names of {@link WireSchemas}) and the endpoint's own error answers of contracts §4. The errors every
 * authenticated endpoint shares (400, 401, 403, 429, 500, and 413/415 with a body) are added by
 * {@link OpenApiConfiguration}. Kept beside the controllers rather than on them, so handlers stay free of annotations.
 */
final class ApiOperations {
    /** Media type of a CSV download (contracts §4.15). */
    static final String CSV = "text/csv";

    /**
     * One handler's description.
     *
     * @param request the request body's schema, or {@code null} without a body
     * @param requestRequired whether the body must be sent
     * @param status the success status
     * @param errors the endpoint's own errors as {@code "404 session_not_found"}
     * @param csv whether the endpoint also answers {@code text/csv}
     */
    record Doc(
            String tag,
            String summary,
            @Nullable String request,
            boolean requestRequired,
            int status,
            String response,
            List<String> errors,
            boolean csv) {}

    private static final Map<String, Doc> DOCS = Map.ofEntries(
            plain(
                    "AgentController.status",
                    "Agent",
                    "A session's agent status, mode and pending decision (§4.2)",
                    "SessionStatus"),
            withBody(
                    "AgentController.mode",
                    "Agent",
                    "Set a session's agent mode; creates an unknown session (§4.1)",
                    "ModeChange",
                    200,
                    "ModeChanged"),
            Map.entry(
                    "AgentController.approve",
                    new Doc(
                            "Agent",
                            "Approve a pending decision and dispatch its intervention (§4.6)",
                            null,
                            false,
                            200,
                            "Approved",
                            List.of(
                                    "404 decision_not_found", "409 decision_not_pending",
                                    "422 session_not_live", "422 intervention_blocked"),
                            false)),
            Map.entry(
                    "AgentController.reject",
                    new Doc(
                            "Agent",
                            "Reject a pending decision, optionally with a reason (§4.6)",
                            "Rejection",
                            false,
                            200,
                            "Rejected",
                            List.of("404 decision_not_found", "409 decision_not_pending"),
                            false)),
            plain("AgentController.decisions", "Agent", "A session's decisions, newest first (§4.7)", "DecisionList"),
            Map.entry(
                    "SessionsController.register",
                    new Doc(
                            "Sessions",
                            "Register a session, or re-register it idempotently (§4.3); 201 when created,"
                                    + " 200 when it existed",
                            "Registration",
                            true,
                            201,
                            "Registered",
                            List.of("409 session_conflict"),
                            false)),
            plain("SessionsController.list", "Sessions", "The caller's sessions (§4.5)", "SessionList"),
            plain("SessionsController.end", "Sessions", "End a session; idempotent (§4.4)", "Unregistered"),
            plain(
                    "SettingsController.get",
                    "Settings",
                    "An event's agent settings, stored or default (§4.8)",
                    "EventSettings"),
            withBody(
                    "SettingsController.put",
                    "Settings",
                    "Change an event's agent settings (strict partial update," + " §4.8)",
                    "SettingsPatch",
                    200,
                    "EventSettings"),
            Map.entry(
                    "InterventionsController.trigger",
                    new Doc(
                            "Interventions",
                            "Trigger a manual intervention (§4.9)",
                            "ManualIntervention",
                            true,
                            200,
                            "ManualTriggered",
                            List.of("409 session_conflict", "422 intervention_blocked"),
                            false)),
            plain(
                    "InterventionsController.history",
                    "Interventions",
                    "A session's interventions, newest first" + " (§4.10)",
                    "InterventionHistory"),
            plain(
                    "InterventionsController.eventHistory",
                    "Interventions",
                    "An event's interventions of the last hours" + " (§4.11)",
                    "InterventionHistory"),
            plain(
                    "InterventionsController.stats",
                    "Interventions",
                    "A session's intervention statistics (§4.12)",
                    "InterventionStats"),
            Map.entry(
                    "EngagementController.engagement",
                    new Doc(
                            "Engagement",
                            "A session's recent engagement points, anomalies and interventions (§4.13)",
                            null,
                            false,
                            200,
                            "EngagementHistory",
                            List.of("404 session_not_found"),
                            false)),
            Map.entry(
                    "SignalsController.ingest",
                    new Doc(
                            "Engagement",
                            "Ingest a batch of signals, all or nothing (§4.14)",
                            "SignalBatch",
                            true,
                            202,
                            "SignalsAccepted",
                            List.of("404 session_not_found", "422 session_not_live"),
                            false)),
            Map.entry(
                    "ExportController.export",
                    new Doc(
                            "Export",
                            "Download a session's intervention report as JSON or CSV (§4.15)",
                            null,
                            false,
                            200,
                            "SessionExport",
                            List.of("404 session_not_found"),
                            true)),
            Map.entry(
                    "SimulationsController.start",
                    new Doc(
                            "Simulations",
                            "Start a simulated audience for a session (§4.16)",
                            "SimulationRequest",
                            true,
                            201,
                            "Simulation",
                            List.of("409 simulation_running", "409 simulation_unsupported", "422 session_not_live"),
                            false)),
            Map.entry(
                    "SimulationsController.get",
                    new Doc(
                            "Simulations",
                            "A simulation's state and progress (§4.16)",
                            null,
                            false,
                            200,
                            "Simulation",
                            List.of("404 simulation_not_found"),
                            false)),
            Map.entry(
                    "SimulationsController.stop",
                    new Doc(
                            "Simulations",
                            "Stop a simulation; idempotent (§4.16)",
                            null,
                            false,
                            200,
                            "SimulationStopped",
                            List.of("404 simulation_not_found"),
                            false)),
            plain(
                    "OnboardingController.get",
                    "Onboarding",
                    "The caller's onboarding tour: seven steps and whether it was completed (§4.18)",
                    "Onboarding"),
            withBody(
                    "OnboardingController.put",
                    "Onboarding",
                    "Record that the caller completed or skipped the tour; strict body (§4.18)",
                    "OnboardingUpdate",
                    200,
                    "Onboarding"),
            plain(
                    "UpliftController.uplift",
                    "Learning",
                    "An event's measured uplift per arm and per arm and context (§4.19)",
                    "Uplift"),
            Map.entry(
                    "HealthController.health",
                    new Doc(
                            "Health",
                            "Liveness; checks nothing (§4.17)",
                            null,
                            false,
                            200,
                            "Health",
                            List.of(),
                            false)),
            Map.entry(
                    "HealthController.ready",
                    new Doc(
                            "Health",
                            "Readiness: 503 when a required dependency is down (§4.17)",
                            null,
                            false,
                            200,
                            "Health",
                            List.of(),
                            false)),
            Map.entry(
                    "HealthController.detailed",
                    new Doc(
                            "Health",
                            "Each component's health: database, redis, agent, llm, realtime (§4.17)",
                            null,
                            false,
                            200,
                            "HealthDetailed",
                            List.of(),
                            false)),
            Map.entry(
                    "MetricsController.metrics",
                    new Doc(
                            "Health",
                            "Deployment counts from the database; LLM costs and uptime of this node (§4.17)",
                            null,
                            false,
                            200,
                            "Metrics",
                            List.of(),
                            false)));

    private ApiOperations() {}

    static Optional<Doc> of(Class<?> controller, String method) {
        return Optional.ofNullable(DOCS.get(controller.getSimpleName() + "." + method));
    }

    private static Map.Entry<String, Doc> plain(String handler, String tag, String summary, String response) {
        return Map.entry(handler, new Doc(tag, summary, null, false, 200, response, List.of(), false));
    }

    private static Map.Entry<String, Doc> withBody(
            String handler, String tag, String summary, String request, int status, String response) {
        return Map.entry(handler, new Doc(tag, summary, request, true, status, response, List.of(), false));
    }
}

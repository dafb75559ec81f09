package com.engagementconductor.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem bodies of contracts §5. */
final class Problems {
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("validation_failed", "Request validation failed"),
            Map.entry("malformed_json", "Malformed JSON"),
            Map.entry("unauthenticated", "Authentication required"),
            Map.entry("token_invalid", "Invalid token"),
            Map.entry("token_expired", "Token expired"),
            Map.entry("forbidden", "Forbidden"),
            Map.entry("not_found", "Not found"),
            Map.entry("session_not_found", "Session not found"),
            Map.entry("simulation_not_found", "Simulation not found"),
            Map.entry("method_not_allowed", "Method not allowed"),
            Map.entry("session_conflict", "Session conflict"),
            Map.entry("simulation_running", "Simulation already running"),
            Map.entry("simulation_unsupported", "Simulation unsupported"),
            Map.entry("payload_too_large", "Payload too large"),
            Map.entry("unsupported_media_type", "Unsupported media type"),
            Map.entry("session_not_live", "Session not live"),
            Map.entry("decision_not_found", "Decision not found"),
            Map.entry("decision_not_pending", "Decision not pending"),
            Map.entry("intervention_blocked", "Intervention blocked"),
            Map.entry("rate_limited", "Too many requests"),
            Map.entry("internal_error", "Internal error"),
            Map.entry("unavailable", "Service unavailable"));

    private Problems() {}

    static ResponseEntity<ProblemDetail> of(
            HttpStatus status,
            String code,
            String detail,
            String path,
            Map<String, ?> members,
            @Nullable List<Map<String, String>> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:engagement-conductor:problem:" + code));
        p.setTitle(TITLES.getOrDefault(code, status.getReasonPhrase()));
        p.setInstance(URI.create(path));
        p.setProperty("code", code);
        members.forEach(p::setProperty);
        if (errors != null) {
            p.setProperty("errors", errors);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return new ResponseEntity<>(p, headers, status);
    }
}

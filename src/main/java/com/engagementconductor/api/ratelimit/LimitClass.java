package com.engagementconductor.api.ratelimit;

import java.util.Optional;
import java.util.regex.Pattern;

/** The rate-limit classes of contracts §6, by the name used in metrics and Redis keys. */
public enum LimitClass {
    INTERVENTIONS("interventions"),
    DEFAULT("default");

    private static final String API = "/api/v1/";
    private static final Pattern APPROVE = Pattern.compile("/api/v1/agent/sessions/[^/]+/decisions/[^/]+/approve");

    private final String value;

    LimitClass(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /**
     * The class of a request to {@code path} (the request URI without context path): {@code interventions} for
     * manual interventions and approvals, {@code default} for every other {@code /api/v1} path, none elsewhere
     * and for CORS preflights ({@code OPTIONS}).
     */
    public static Optional<LimitClass> of(String method, String path) {
        if ("OPTIONS".equals(method) || !path.startsWith(API)) {
            return Optional.empty();
        }
        boolean intervention = "POST".equals(method)
                && (path.equals("/api/v1/interventions/manual")
                        || APPROVE.matcher(path).matches());
        return Optional.of(intervention ? INTERVENTIONS : DEFAULT);
    }
}

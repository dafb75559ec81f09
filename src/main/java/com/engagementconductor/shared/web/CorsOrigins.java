package com.engagementconductor.shared.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The origins of {@code CORS_ORIGINS} (contracts §2), for REST and for Socket.IO polling: a comma list or a JSON
 * array of exact origins or {@code scheme://*.domain} patterns; by default the prior dashboard's origin and the
 * product's own.
 */
public final class CorsOrigins {
    private final List<String> patterns;
    private final CorsConfiguration matcher = new CorsConfiguration();

    private CorsOrigins(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        matcher.setAllowedOriginPatterns(this.patterns);
    }

    /** The configured list, or the defaults for the REST port {@code port} when it is empty. */
    public static CorsOrigins of(String configured, int port) {
        List<String> result = new ArrayList<>();
        String raw = configured.trim();
        if (raw.startsWith("[") && raw.endsWith("]")) {
            raw = raw.substring(1, raw.length() - 1);
        }
        for (String part : raw.split(",")) {
            String o = part.trim().replaceAll("^\"|\"$", "");
            if (!o.isEmpty()) {
                result.add(o);
            }
        }
        if (result.isEmpty()) {
            result.add("http://localhost:3000");
            result.add("http://localhost:" + port);
            result.add("http://127.0.0.1:" + port);
        }
        return new CorsOrigins(result);
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Whether a request from {@code origin} may read the response. */
    public boolean allows(String origin) {
        return matcher.checkOrigin(origin) != null;
    }
}

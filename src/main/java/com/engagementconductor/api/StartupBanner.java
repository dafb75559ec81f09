package com.engagementconductor.api;

import com.engagementconductor.shared.auth.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints how to reach the product once it is ready (contracts §2): in embedded mode without {@code JWT_SECRET},
 * ready-to-use development tokens and the dashboard URL; otherwise the dashboard URL only.
 */
@Component
class StartupBanner {
    private static final Duration DEV_TOKEN_TTL = Duration.ofHours(24);

    private final Tokens tokens;
    private final Environment env;
    private final String version;
    private final int port;

    StartupBanner(
            Tokens tokens,
            Environment env,
            @Value("${conductor.version:1.0.0}") String version,
            @Value("${server.port:8003}") int port) {
        this.tokens = tokens;
        this.env = env;
        this.version = version;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        System.out.println(lines());
        System.out.flush();
    }

    String lines() {
        boolean embedded = blank("REDIS_URL") && blank("DATABASE_URL");
        boolean devSecret = blank("JWT_SECRET");
        String dashboard = "http://localhost:" + port + "/dashboard/";
        StringBuilder out = new StringBuilder();
        out.append("Engagement Conductor ").append(version);
        out.append(embedded ? " - embedded mode (in-process bus, H2 under ./data)" : " - platform mode")
                .append('\n');
        if (embedded && devSecret) {
            Map<String, Object> organizer = tokens.claims(
                    "dev-organizer", "dev-org", List.of("event:manage", "dashboard:read:live"), DEV_TOKEN_TTL);
            organizer.put("email", "organizer@localhost");
            organizer.put("role", "OWNER");
            organizer.put("isPlatformAdmin", false);
            Map<String, Object> attendee = tokens.claims("dev-attendee", null, List.of(), DEV_TOKEN_TTL);
            attendee.put("email", "attendee@localhost");
            String organizerToken = tokens.sign(organizer);
            out.append("Development secret in ./data/dev-secret (delete it to invalidate these tokens).\n");
            out.append("Organizer token: ").append(organizerToken).append('\n');
            out.append("Attendee token:  ").append(tokens.sign(attendee)).append('\n');
            out.append("Dashboard: ").append(dashboard).append("#token=").append(organizerToken);
        } else {
            out.append("Dashboard: ").append(dashboard);
        }
        return out.toString();
    }

    private boolean blank(String variable) {
        String v = env.getProperty(variable);
        return v == null || v.isBlank();
    }
}

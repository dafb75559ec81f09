package com.engagementconductor.support;

import com.engagementconductor.shared.auth.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** The token fixtures of contracts §10.1, signed with the test secret. */
public final class TestTokens {
    public static final String SECRET = "test-secret-for-engagement-conductor-tests";

    private final Tokens tokens;

    public TestTokens(InstantSource clock) {
        this.tokens = new Tokens(SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30), clock);
    }

    /** {@code T_ORG}: an organizer of org_test with event:manage. */
    public String org() {
        return sign("user_9", "org_test", List.of("event:manage"));
    }

    /** {@code T_READ}: a reader of org_test. */
    public String read() {
        return sign("user_8", "org_test", List.of("dashboard:read:live"));
    }

    /** {@code T_OTHER}: an organizer of another organization. */
    public String other() {
        return sign("user_5", "org_other", List.of("event:manage"));
    }

    /** {@code T_ATT}: an attendee. */
    public String attendee() {
        return sign("att_1", null, List.of());
    }

    public String sign(String sub, String org, List<String> permissions) {
        return tokens.sign(tokens.claims(sub, org, permissions, Duration.ofHours(1)));
    }

    /** A platform admin ({@code isPlatformAdmin: true}) of {@code org}, which bypasses the organization check. */
    public String platformAdmin(String sub, String org, List<String> permissions) {
        Map<String, Object> claims =
                new java.util.LinkedHashMap<>(tokens.claims(sub, org, permissions, Duration.ofHours(1)));
        claims.put("isPlatformAdmin", true);
        return tokens.sign(claims);
    }

    public String expired() {
        return tokens.sign(tokens.claims("user_9", "org_test", List.of("event:manage"), Duration.ofMinutes(-5)));
    }

    public String signClaims(Map<String, ?> claims) {
        return tokens.sign(claims);
    }
}

package com.engagementconductor.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementconductor.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokensTests {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-04T12:00:00Z"));
    private final Tokens tokens = new Tokens("s3cret".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30), clock);

    private Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", "user_9");
        c.put("orgId", "org_test");
        c.put("permissions", List.of("event:manage"));
        c.put("exp", clock.instant().plusSeconds(3600).getEpochSecond());
        return c;
    }

    @Test
    void aValidTokenGivesItsCaller() {
        Map<String, Object> c = claims();
        c.put("aud", "anything");
        c.put("isPlatformAdmin", true);
        Caller caller = tokens.verify("bearer " + tokens.sign(c));
        assertThat(caller.subject()).isEqualTo("user_9");
        assertThat(caller.orgId()).isEqualTo("org_test");
        assertThat(caller.mayWrite()).isTrue();
        assertThat(caller.platformAdmin()).isTrue();
    }

    @Test
    void anAttendeeTokenHasNoOrganizationAndNoOrganizerRights() {
        Map<String, Object> c = claims();
        c.remove("orgId");
        c.put("permissions", List.of("*"));
        Caller caller = tokens.verify(tokens.sign(c));
        assertThat(caller.attendee()).isTrue();
        assertThat(caller.mayRead()).isFalse();
    }

    @Test
    void expiryHasThirtySecondsOfLeeway() {
        Map<String, Object> c = claims();
        c.put("exp", clock.instant().minusSeconds(20).getEpochSecond());
        String token = tokens.sign(c);
        assertThat(tokens.verify(token).subject()).isEqualTo("user_9");
        clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(
                        TokenRejected.class, e -> assertThat(e.reason()).isEqualTo(TokenRejected.Reason.EXPIRED));
    }

    @Test
    void algorithmNoneAndBadSignaturesAreInvalid() {
        String good = tokens.sign(claims());
        String[] parts = good.split("\\.");
        String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertInvalid(none + "." + parts[1] + ".");
        assertInvalid(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A");
        assertInvalid("not-a-token");
        Tokens other = new Tokens("another".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30), clock);
        assertInvalid(other.sign(claims()));
    }

    @Test
    void aTokenWithoutExpiryOrSubjectIsInvalid() {
        Map<String, Object> noExp = claims();
        noExp.remove("exp");
        assertInvalid(tokens.sign(noExp));
        Map<String, Object> noSub = claims();
        noSub.remove("sub");
        assertInvalid(tokens.sign(noSub));
    }

    @Test
    void notBeforeIsHonoured() {
        Map<String, Object> c = claims();
        c.put("nbf", clock.instant().plusSeconds(120).getEpochSecond());
        assertInvalid(tokens.sign(c));
    }

    @Test
    void aMissingTokenIsReportedAsMissing() {
        assertThatThrownBy(() -> tokens.verify("  "))
                .isInstanceOfSatisfying(
                        TokenRejected.class, e -> assertThat(e.reason().code()).isEqualTo("missing_token"));
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(
                        TokenRejected.class, e -> assertThat(e.reason().code()).isEqualTo("token_invalid"));
    }
}

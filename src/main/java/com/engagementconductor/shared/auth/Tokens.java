package com.engagementconductor.shared.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HS256 JSON Web Tokens with the shared secret (contracts §3.1): verification of every token the product
 * accepts, and signing of the development tokens printed in embedded mode.
 */
public final class Tokens {
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Base64.Encoder B64_OUT = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final byte[] secret;
    private final Duration leeway;
    private final InstantSource clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public Tokens(byte[] secret, Duration leeway, InstantSource clock) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("JWT secret must not be empty");
        }
        this.secret = secret.clone();
        this.leeway = leeway;
        this.clock = clock;
    }

    /** Verifies a compact token (an optional {@code Bearer } prefix is stripped) and returns its caller. */
    public Caller verify(@Nullable String token) {
        String t = strip(token);
        if (t.isEmpty()) {
            throw new TokenRejected(TokenRejected.Reason.MISSING, "no token");
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("malformed token");
        }
        JsonNode header = decode(parts[0]);
        if (!"HS256".equals(text(header, "alg"))) {
            throw invalid("algorithm must be HS256");
        }
        byte[] expected = sign((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        byte[] actual;
        try {
            actual = B64.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("malformed signature");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw invalid("bad signature");
        }
        JsonNode claims = decode(parts[1]);
        return caller(claims);
    }

    /** Signs the given claims (used for development tokens and tests). */
    public String sign(Map<String, ?> claims) {
        String payload = json.writeValueAsString(claims);
        String head = B64_OUT.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8));
        String body = B64_OUT.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String signingInput = head + "." + body;
        return signingInput + "." + B64_OUT.encodeToString(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Claims for a token valid for {@code ttl} from now. */
    public Map<String, Object> claims(String sub, @Nullable String orgId, List<String> permissions, Duration ttl) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", sub);
        if (orgId != null) {
            c.put("orgId", orgId);
        }
        c.put("permissions", permissions);
        c.put("exp", clock.instant().plus(ttl).getEpochSecond());
        return c;
    }

    private Caller caller(JsonNode claims) {
        if (!claims.isObject()) {
            throw invalid("claims must be an object");
        }
        String sub = text(claims, "sub");
        if (sub == null || sub.isBlank()) {
            throw invalid("sub is required");
        }
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw invalid("exp is required");
        }
        Instant now = clock.instant();
        Instant expiresAt = Instant.ofEpochSecond(exp.asLong());
        if (now.isAfter(expiresAt.plus(leeway))) {
            throw new TokenRejected(TokenRejected.Reason.EXPIRED, "token expired");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && nbf.isNumber() && now.plus(leeway).isBefore(Instant.ofEpochSecond(nbf.asLong()))) {
            throw invalid("token not yet valid");
        }
        String org = text(claims, "orgId");
        Set<String> permissions = new LinkedHashSet<>();
        JsonNode perms = claims.get("permissions");
        if (perms != null && perms.isArray()) {
            perms.forEach(p -> {
                if (p.isString()) {
                    permissions.add(p.asString());
                }
            });
        }
        JsonNode admin = claims.get("isPlatformAdmin");
        boolean platformAdmin = admin != null && admin.isBoolean() && admin.asBoolean();
        return new Caller(sub, org == null || org.isBlank() ? null : org, permissions, platformAdmin, expiresAt);
    }

    private JsonNode decode(String part) {
        try {
            return json.readTree(B64.decode(part));
        } catch (RuntimeException e) {
            throw invalid("malformed token");
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : null;
    }

    private byte[] sign(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String strip(@Nullable String token) {
        if (token == null) {
            return "";
        }
        String t = token.trim();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            t = t.substring(7).trim();
        }
        return t;
    }

    private static TokenRejected invalid(String message) {
        return new TokenRejected(TokenRejected.Reason.INVALID, message);
    }
}

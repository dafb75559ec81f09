package com.engagementconductor.shared.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The verified principal of a request or socket (contracts §3.1).
 *
 * @param orgId absent for attendee tokens
 */
public record Caller(
        String subject, @Nullable String orgId, Set<String> permissions, boolean platformAdmin, Instant expiresAt) {

    public static final String READ_LIVE = "dashboard:read:live";
    public static final String MANAGE = "event:manage";
    public static final String ALL = "*";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        permissions = Set.copyOf(permissions);
    }

    public boolean attendee() {
        return orgId == null;
    }

    /** READ operations of the permission matrix (contracts §3.5). */
    public boolean mayRead() {
        return !attendee()
                && (permissions.contains(READ_LIVE) || permissions.contains(MANAGE) || permissions.contains(ALL));
    }

    /** WRITE operations of the permission matrix. */
    public boolean mayWrite() {
        return !attendee() && (permissions.contains(MANAGE) || permissions.contains(ALL));
    }

    /** Whether the caller may act on something owned by {@code ownerOrg} (null = unclaimed: platform admins only). */
    public boolean owns(@Nullable String ownerOrg) {
        return platformAdmin || (ownerOrg != null && ownerOrg.equals(orgId));
    }
}

package com.engagementconductor.decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scopes a decision reads and a reward updates, widest first: global, the organization (skipped when it is
 * unknown, R4.3), then the event. Each scope backs off to the one before it (R4.5).
 */
public record ScopeChain(List<Scope> widestFirst) {

    public ScopeChain {
        widestFirst = List.copyOf(widestFirst);
        if (widestFirst.isEmpty() || !widestFirst.get(0).equals(Scope.GLOBAL)) {
            throw new IllegalArgumentException("a scope chain starts with global: " + widestFirst);
        }
        if (new HashSet<>(widestFirst).size() != widestFirst.size()) {
            throw new IllegalArgumentException("a scope chain names each scope once: " + widestFirst);
        }
    }

    /** Global, {@code org:{orgId}} unless the organization is unknown, and {@code event:{eventId}}. */
    public static ScopeChain of(@Nullable String orgId, String eventId) {
        List<Scope> scopes = new ArrayList<>(3);
        scopes.add(Scope.GLOBAL);
        if (orgId != null && !orgId.isBlank()) {
            scopes.add(Scope.org(orgId));
        }
        scopes.add(Scope.event(eventId));
        return new ScopeChain(scopes);
    }

    /** The global scope alone. */
    public static ScopeChain globalOnly() {
        return new ScopeChain(List.of(Scope.GLOBAL));
    }

    /** The narrowest scope, whose effective posterior is the one used for selection. */
    public Scope narrowest() {
        return widestFirst.get(widestFirst.size() - 1);
    }
}

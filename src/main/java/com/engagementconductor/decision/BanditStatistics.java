package com.engagementconductor.decision;

import java.util.List;
import java.util.Map;

/**
 * Where the bandit's statistics live ({@code bandit_arms}, or memory for tests and offline evaluation). Every
 * write is atomic per (scope, context) record, so concurrent rewards never lose an update (R4.4, R4.9).
 */
public interface BanditStatistics {

    /**
     * The stored records of every scope of the chain for the context and for its anomaly-type aggregate (R4.5b).
     * A record that does not exist yet is absent from the map: it reads as {@link ContextStats#FRESH}.
     */
    Map<StatsKey, ContextStats> load(ScopeChain scopes, ContextKey context);

    /**
     * Applies a measured reward for one arm in every scope of the chain, to the context and to its anomaly-type
     * aggregate: in each record, one atomic step that discounts every arm by {@code discount} and then adds the
     * reward (R4.4). Records are created lazily with all four arms.
     *
     * @param reward r in [0, 1]
     * @param discount γ in (0, 1]
     */
    void applyReward(ScopeChain scopes, ContextKey context, Arm arm, double reward, double discount);

    /**
     * Adds evidence to records of one scope (the legacy import), creating them lazily with all four arms; each
     * record atomically, and in one transaction where the store has transactions.
     */
    void addEvidence(Scope scope, List<Evidence> evidence);

    /**
     * Sets arms of records of one scope to exactly the given evidence (α = 1 + a, β = 1 + b, attempts), creating the
     * records lazily with all four arms; other arms are left as they are. The demo's pre-load (R8.5) uses it, so a
     * demo started again begins from the same statistics.
     */
    void replaceEvidence(Scope scope, List<Evidence> evidence);

    /** True when no statistics are stored at all (the legacy import runs only then). */
    boolean isEmpty();

    /** Checks the arguments of {@link #applyReward}; for implementations. */
    static void checkReward(double reward, double discount) {
        if (!(reward >= 0.0 && reward <= 1.0)) {
            throw new IllegalArgumentException("reward must be in [0,1]: " + reward);
        }
        if (!(discount > 0.0 && discount <= 1.0)) {
            throw new IllegalArgumentException("discount must be in (0,1]: " + discount);
        }
    }

    /** The records {@link #applyReward} and {@link #load} touch: each scope × {context, aggregate}, widest first. */
    static List<StatsKey> keysOf(ScopeChain scopes, ContextKey context) {
        String full = context.value();
        String aggregate = context.anomalyTypeKey();
        StatsKey[] keys = new StatsKey[scopes.widestFirst().size() * 2];
        int i = 0;
        for (Scope scope : scopes.widestFirst()) {
            keys[i++] = new StatsKey(scope, full);
            keys[i++] = new StatsKey(scope, aggregate);
        }
        return List.of(keys);
    }
}

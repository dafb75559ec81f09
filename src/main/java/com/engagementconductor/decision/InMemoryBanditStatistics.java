package com.engagementconductor.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statistics in memory, for tests and the offline evaluation. Thread-safe: each record is replaced atomically
 * ({@link ConcurrentHashMap#compute}).
 */
public final class InMemoryBanditStatistics implements BanditStatistics {
    private final ConcurrentHashMap<StatsKey, ContextStats> records = new ConcurrentHashMap<>();

    @Override
    public Map<StatsKey, ContextStats> load(ScopeChain scopes, ContextKey context) {
        Map<StatsKey, ContextStats> found = new HashMap<>(8);
        for (StatsKey key : BanditStatistics.keysOf(scopes, context)) {
            ContextStats stats = records.get(key);
            if (stats != null) {
                found.put(key, stats);
            }
        }
        return found;
    }

    @Override
    public void applyReward(ScopeChain scopes, ContextKey context, Arm arm, double reward, double discount) {
        BanditStatistics.checkReward(reward, discount);
        for (StatsKey key : BanditStatistics.keysOf(scopes, context)) {
            records.compute(key, (k, current) -> (current == null ? ContextStats.FRESH : current)
                    .rewarded(arm, reward, discount));
        }
    }

    @Override
    public void addEvidence(Scope scope, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            records.compute(
                    new StatsKey(scope, e.contextKey()),
                    (k, current) ->
                            (current == null ? ContextStats.FRESH : current).plus(e.arm(), e.a(), e.b(), e.attempts()));
        }
    }

    @Override
    public void replaceEvidence(Scope scope, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            put(scope, e.contextKey(), e.arm(), new ArmStats(1.0 + e.a(), 1.0 + e.b(), e.attempts()));
        }
    }

    @Override
    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** The record of one scope and key, {@link ContextStats#FRESH} when there is none. */
    public ContextStats get(Scope scope, String contextKey) {
        return records.getOrDefault(new StatsKey(scope, contextKey), ContextStats.FRESH);
    }

    /** Sets one arm's statistics directly (fixtures of tests and benchmarks); the record gets all four arms. */
    public void put(Scope scope, String contextKey, Arm arm, ArmStats stats) {
        records.compute(
                new StatsKey(scope, contextKey),
                (k, current) -> (current == null ? ContextStats.FRESH : current).with(arm, stats));
    }
}

package com.engagementconductor.decision;

import java.util.concurrent.ConcurrentHashMap;

/** Counters in memory, for tests and the offline evaluation; thread-safe. */
public final class InMemoryArmCounters implements ArmCounters {
    private record Key(Scope scope, String context, Arm arm) {}

    private final ConcurrentHashMap<Key, CounterValues> counters = new ConcurrentHashMap<>();

    @Override
    public void increment(ScopeChain scopes, ContextKey context, Arm arm, ArmCounter counter) {
        for (Scope scope : scopes.widestFirst()) {
            counters.compute(
                    new Key(scope, context.value(), arm),
                    (k, current) -> (current == null ? CounterValues.ZERO : current).plusOne(counter));
        }
    }

    @Override
    public CounterValues read(Scope scope, ContextKey context, Arm arm) {
        return counters.getOrDefault(new Key(scope, context.value(), arm), CounterValues.ZERO);
    }
}

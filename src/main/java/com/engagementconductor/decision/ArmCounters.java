package com.engagementconductor.decision;

/**
 * Counters per scope, context and arm that never touch α or β: organizer acceptance (R5.9) and the outcomes that
 * teach the bandit nothing (R7.3). Increments are atomic.
 */
public interface ArmCounters {

    /** Adds one to the counter in every scope of the chain, for the full context. */
    void increment(ScopeChain scopes, ContextKey context, Arm arm, ArmCounter counter);

    /** The counters of one scope, context and arm; zero when none were counted. */
    CounterValues read(Scope scope, ContextKey context, Arm arm);
}

package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** R5.9 and R7.3: counters beside the statistics, per scope, context and arm. */
class ArmCountersTests {
    private static final ContextKey CONTEXT = ContextKey.parse("SUDDEN_DROP_low_medium_severe");
    private static final ScopeChain CHAIN = ScopeChain.of("org_1", "evt_1");

    private final InMemoryArmCounters counters = new InMemoryArmCounters();

    @Test
    void tvA1OrganizerAcceptanceInEveryScope() {
        count(ArmCounter.ACCEPTED, 7);
        count(ArmCounter.REJECTED, 1);
        count(ArmCounter.EXPIRED, 1);

        for (Scope scope : CHAIN.widestFirst()) {
            assertThat(counters.read(scope, CONTEXT, Arm.POLL).organizerAcceptance())
                    .isCloseTo(0.727273, within(1e-6));
        }
        assertThat(CounterValues.ZERO.organizerAcceptance()).isEqualTo(0.5);
    }

    @Test
    void tvL2AnExecutionFailureIsCountedForItsArmOnly() {
        count(ArmCounter.EXECUTION_FAILURES, 1);

        CounterValues poll = counters.read(Scope.event("evt_1"), CONTEXT, Arm.POLL);
        assertThat(poll.executionFailures()).isEqualTo(1);
        assertThat(poll.get(ArmCounter.EXECUTION_FAILURES)).isEqualTo(1);
        assertThat(poll.accepted()
                        + poll.rejected()
                        + poll.expired()
                        + poll.unconfirmed()
                        + poll.incomplete()
                        + poll.confounded())
                .isZero();
        assertThat(counters.read(Scope.event("evt_1"), CONTEXT, Arm.BROADCAST)).isEqualTo(CounterValues.ZERO);
    }

    @Test
    void countersAreNamedAsTheirColumns() {
        assertThat(ArmCounter.EXECUTION_FAILURES.column()).isEqualTo("execution_failures");
        assertThat(ArmCounter.CONFOUNDED.column()).isEqualTo("confounded");
    }

    private void count(ArmCounter counter, int times) {
        for (int i = 0; i < times; i++) {
            counters.increment(CHAIN, CONTEXT, Arm.POLL, counter);
        }
    }
}

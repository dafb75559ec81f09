package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterventionLimitsTests {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<InterventionType> ALL = EnumSet.allOf(InterventionType.class);
    private final InterventionLimits limits = new InterventionLimits();

    private static Instant at(long s) {
        return T0.plusSeconds(s);
    }

    private boolean consume(String session, InterventionType type, long s) {
        return limits.tryConsume(session, "evt", type, ALL, 100, at(s), null).isEmpty();
    }

    @Test
    void anExecutionWithinThirtySecondsOfTheLastIsBlocked() {
        assertThat(consume("s", InterventionType.POLL, 0)).isTrue();
        InterventionLimits.Block at29 =
                limits.rateBlock("s", "evt", 100, at(29)).orElseThrow();
        assertThat(at29.reason()).isEqualTo("session_limit");
        assertThat(at29.retryAfterSeconds()).isEqualTo(1);
        assertThat(consume("s", InterventionType.BROADCAST, 29)).isFalse();
        assertThat(consume("s", InterventionType.BROADCAST, 30)).isTrue();
    }

    @Test
    void executionsAtZeroThirtyAndOnToTwoSeventyLeaveRoomAtThreeHundred() {
        InterventionLimits l = new InterventionLimits();
        for (int k = 0; k < 10; k++) {
            l.record("s", "evt", InterventionType.BROADCAST, at(30L * k), null);
        }
        assertThat(l.rateBlock("s", "evt", 100, at(300))).isEmpty();
        assertThat(l.rateBlock("s", "evt", 100, at(299)).orElseThrow().reason()).isEqualTo("session_limit");
        InterventionLimits two = new InterventionLimits();
        two.record("s", "evt", InterventionType.BROADCAST, at(0), null);
        assertThat(two.rateBlock("s", "evt", 100, at(30))).isEmpty();
        assertThat(two.rateBlock("s", "evt", 100, at(29))).isPresent();
    }

    @Test
    void cooldownsStartAtPublicationAndGiveRetryAfter() {
        assertThat(consume("s", InterventionType.POLL, 0)).isTrue();
        InterventionLimits.Block b = limits.check("s", "evt", InterventionType.POLL, ALL, 100, at(60))
                .orElseThrow();
        assertThat(b.reason()).isEqualTo("cooldown");
        assertThat(b.retryAfterSeconds()).isEqualTo(60);
        assertThat(limits.check("s", "evt", InterventionType.POLL, ALL, 100, at(120)))
                .isEmpty();
        assertThat(limits.inCooldown("s", at(100))).containsExactly(InterventionType.POLL);
        assertThat(limits.inCooldown("other", at(100))).isEmpty();
    }

    @Test
    void anArmOutsideTheAllowedSetIsNotAllowedWithoutRetryAfter() {
        InterventionLimits.Block b = limits.check(
                        "s", "evt", InterventionType.POLL, EnumSet.of(InterventionType.BROADCAST), 10, at(0))
                .orElseThrow();
        assertThat(b.reason()).isEqualTo("not_allowed");
        assertThat(b.retryAfterSeconds()).isNull();
    }

    @Test
    void theEventLimitCountsEverySessionOfTheEvent() {
        for (int k = 0; k < 3; k++) {
            assertThat(limits.tryConsume("s" + k, "evt", InterventionType.POLL, ALL, 3, at(k), null))
                    .isEmpty();
        }
        InterventionLimits.Block b = limits.tryConsume("s9", "evt", InterventionType.POLL, ALL, 3, at(10), null)
                .orElseThrow();
        assertThat(b.reason()).isEqualTo("event_limit");
        assertThat(b.retryAfterSeconds()).isEqualTo(3590);
        assertThat(limits.tryConsume("s9", "evt", InterventionType.POLL, ALL, 3, at(3601), null))
                .isEmpty();
        assertThat(limits.tryConsume("s9", "evt", InterventionType.POLL, ALL, 0, at(9000), null)
                        .orElseThrow()
                        .reason())
                .isEqualTo("event_limit");
    }

    @Test
    void aRunningChallengeBlocksGamificationBeyondItsCooldown() {
        limits.record("s", "evt", InterventionType.GAMIFICATION, at(0), at(600));
        InterventionLimits.Block b = limits.check("s", "evt", InterventionType.GAMIFICATION, ALL, 100, at(200))
                .orElseThrow();
        assertThat(b.reason()).isEqualTo("cooldown");
        assertThat(b.retryAfterSeconds()).isEqualTo(400);
    }
}

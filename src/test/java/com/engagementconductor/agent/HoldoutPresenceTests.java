package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The confidence floor's "does a holdout baseline exist" is answered from memory between database checks. */
class HoldoutPresenceTests {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** A store with a settable number of cases, counting its queries. */
    private static final class Store implements LearningStore {
        long global;
        long type;
        int queries;

        @Override
        public void performance(
                Instant time,
                String sessionId,
                String interventionType,
                boolean success,
                double delta,
                @Nullable Double confidence,
                Map<String, Object> extraData) {}

        @Override
        public HoldoutBaseline holdoutBaseline(
                String eventId, @Nullable String orgId, String contextKey, String anomalyType) {
            queries++;
            return new HoldoutBaseline(Cases.NONE, Cases.NONE, new Cases(global, 0.1), new Cases(type, 0.1));
        }

        @Override
        public void holdoutCase(
                String decisionId,
                String eventId,
                @Nullable String orgId,
                String contextKey,
                String anomalyType,
                double delta,
                Instant time) {}
    }

    @Test
    void noneIsAskedAgainAfterAMinuteAndAnExistingBaselineStays() {
        Store store = new Store();
        HoldoutPresence presence = new HoldoutPresence(store, clock);

        assertThat(presence.exists("evt", "org", "ctx_a", "SUDDEN_DROP")).isFalse();
        clock.advance(Duration.ofSeconds(59));
        store.global = 3; // recorded by another node
        assertThat(presence.exists("evt", "org", "ctx_a", "SUDDEN_DROP")).isFalse();
        assertThat(store.queries).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(presence.exists("evt", "org", "ctx_a", "SUDDEN_DROP")).isTrue();
        assertThat(store.queries).isEqualTo(2);
        store.global = 0;
        clock.advance(Duration.ofHours(1));
        assertThat(presence.exists("evt", "org", "ctx_a", "SUDDEN_DROP")).isTrue();
        assertThat(store.queries).isEqualTo(2);
    }

    @Test
    void aCaseRecordedHereCountsAtOnceForItsContextAndItsAnomalyType() {
        Store store = new Store();
        HoldoutPresence presence = new HoldoutPresence(store, clock);
        assertThat(presence.exists("evt", null, "ctx_a", "SUDDEN_DROP")).isFalse();
        assertThat(presence.exists("evt", null, "ctx_b", "SUDDEN_DROP")).isFalse();

        presence.recorded("ctx_a", "SUDDEN_DROP");

        assertThat(presence.exists("evt", null, "ctx_a", "SUDDEN_DROP")).isTrue();
        assertThat(presence.exists("evt", null, "ctx_b", "SUDDEN_DROP"))
                .as("the anomaly type's baseline covers every context of that type")
                .isTrue();
        assertThat(presence.exists("evt", null, "ctx_c", "LOW_ENGAGEMENT")).isFalse();
        assertThat(store.queries).isEqualTo(3);
    }
}

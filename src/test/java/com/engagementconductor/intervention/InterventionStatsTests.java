package com.engagementconductor.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.shared.InterventionType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class InterventionStatsTests {
    private static InterventionRecord record(
            InterventionType type, @Nullable Double confidence, @Nullable Boolean success) {
        return new InterventionRecord(
                UUID.randomUUID(),
                "sess_42",
                "evt_7",
                Instant.parse("2026-01-04T12:00:00Z"),
                type,
                confidence,
                "",
                success == null ? InterventionStatus.EXECUTED : InterventionStatus.MEASURED,
                null,
                Map.of(),
                success == null ? null : OutcomeKeys.mergeMeasurement(null, Map.of("success", success)));
    }

    @Test
    void ratesAreRoundedToThreeDecimalsOverTheirOwnDenominators() {
        InterventionStats stats = InterventionStats.of(
                "sess_42",
                List.of(
                        record(InterventionType.POLL, 0.58, true),
                        record(InterventionType.POLL, 0.7, true),
                        record(InterventionType.BROADCAST, null, false),
                        record(InterventionType.POLL, 0.6, null)));
        assertThat(stats.totalInterventions()).isEqualTo(4);
        assertThat(stats.byType()).containsExactly(Map.entry("POLL", 3L), Map.entry("BROADCAST", 1L));
        assertThat(stats.successfulInterventions()).isEqualTo(2);
        assertThat(stats.successRate()).isEqualTo(0.667);
        assertThat(stats.averageConfidence()).isEqualTo(0.627);
    }

    @Test
    void withNothingMeasuredTheRatesAreZeroAndTheSuccessCountIsPresent() {
        InterventionStats stats =
                InterventionStats.of("sess_42", List.of(record(InterventionType.NOTIFICATION, null, null)));
        assertThat(stats.toBody())
                .containsEntry("success_rate", 0.0)
                .containsEntry("avg_confidence", 0.0)
                .containsEntry("successful_interventions", 0L)
                .containsEntry("total_interventions", 1L);
    }
}

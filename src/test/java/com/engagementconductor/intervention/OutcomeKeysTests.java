package com.engagementconductor.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeKeysTests {
    private static final Instant AT = Instant.parse("2026-01-04T12:04:01Z");

    private static Map<String, Object> measurement() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", true);
        m.put("pre_engagement", 0.31);
        m.put("engagement_after", 0.52);
        m.put("engagement_delta", 0.21);
        m.put("reward", 1.0);
        m.put("uplift", null);
        m.put("holdout_mean", null);
        m.put("confounded", false);
        m.put("measured_at", Instant.parse("2026-01-04T12:06:00Z"));
        return m;
    }

    @Test
    void deliveryThenMeasurementKeepsBoth() {
        var delivered = OutcomeKeys.mergeDelivery(null, true, null, AT, Map.of("poll_id", "p"));
        var measured = OutcomeKeys.mergeMeasurement(delivered, measurement());
        assertThat(measured)
                .containsEntry("executed", true)
                .containsEntry("executed_at", "2026-01-04T12:04:01.000Z")
                .containsEntry("error", null)
                .containsEntry("result", Map.of("poll_id", "p"))
                .containsEntry("success", true)
                .containsEntry("engagement_before", 0.31)
                .containsEntry("pre_engagement", 0.31)
                .containsEntry("engagement_after", 0.52)
                .containsEntry("post_engagement", 0.52)
                .containsEntry("measured_at", "2026-01-04T12:06:00.000Z");
    }

    @Test
    void measurementThenDeliveryKeepsBoth() {
        var measured = OutcomeKeys.mergeMeasurement(null, measurement());
        assertThat(measured).containsEntry("executed", null);
        var delivered = OutcomeKeys.mergeDelivery(measured, false, "no_audience", AT, null);
        assertThat(delivered)
                .containsEntry("executed", false)
                .containsEntry("error", "no_audience")
                .containsEntry("success", true)
                .containsEntry("reward", 1.0)
                .containsEntry("post_engagement", 0.52);
    }

    @Test
    void everyKeyIsPresentInTheContractedOrder() {
        assertThat(OutcomeKeys.mergeDelivery(null, true, null, null, null).keySet())
                .containsExactly(
                        "executed",
                        "success",
                        "engagement_before",
                        "engagement_after",
                        "engagement_delta",
                        "pre_engagement",
                        "post_engagement",
                        "reward",
                        "uplift",
                        "holdout_mean",
                        "confounded",
                        "executed_at",
                        "measured_at",
                        "error",
                        "result");
    }

    @Test
    void deliveryKeysAndDisagreeingTwinsAreNotMeasurements() {
        assertThatThrownBy(() -> OutcomeKeys.mergeMeasurement(null, Map.of("executed", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("executed");
        assertThatThrownBy(() ->
                        OutcomeKeys.mergeMeasurement(null, Map.of("engagement_before", 0.3, "pre_engagement", 0.4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pre_engagement");
    }
}

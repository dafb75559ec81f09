package com.engagementconductor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** R4.2: the context key, its buckets with R0.5 rounding, and parsing from the right. */
class ContextKeyTests {

    @Test
    void tvB1RatioIsAQuarterOnlyAfterRoundingSoTheDeviationIsSevere() {
        double expected = 0.60;
        double score = 0.45;
        double deviation = expected - score;
        assertThat(Math.abs(deviation) / expected).as("raw double arithmetic").isLessThan(0.25);

        ContextKey key = ContextKey.of("SUDDEN_DROP", score, 30, deviation, expected);

        assertThat(key.value()).isEqualTo("SUDDEN_DROP_low_medium_severe");
    }

    @Test
    void tvB2UnknownExpectationGivesModerate() {
        assertThat(ContextKey.of("LOW_ENGAGEMENT", 0.29, 9, 0.1, null).value())
                .isEqualTo("LOW_ENGAGEMENT_critical_small_moderate");
    }

    @Test
    void engagementBucketsUseTheZeroToOneScaleWithRounding() {
        assertThat(bucketOf(0.0)).isEqualTo("critical");
        assertThat(bucketOf(0.299999999)).isEqualTo("critical");
        assertThat(bucketOf(0.2999999999)).as("rounds to 0.30").isEqualTo("low");
        assertThat(bucketOf(0.30)).isEqualTo("low");
        assertThat(bucketOf(0.45)).as("D12").isEqualTo("low");
        assertThat(bucketOf(0.4999999996)).isEqualTo("medium");
        assertThat(bucketOf(0.50)).isEqualTo("medium");
        assertThat(bucketOf(1.0)).isEqualTo("medium");
    }

    @Test
    void sizeBucketsCountConnectedUsers() {
        assertThat(ContextKey.of("MASS_EXIT", 0.5, 0, 0, null).size().wireName())
                .isEqualTo("small");
        assertThat(ContextKey.of("MASS_EXIT", 0.5, 9, 0, null).size().wireName())
                .isEqualTo("small");
        assertThat(ContextKey.of("MASS_EXIT", 0.5, 10, 0, null).size().wireName())
                .isEqualTo("medium");
        assertThat(ContextKey.of("MASS_EXIT", 0.5, 49, 0, null).size().wireName())
                .isEqualTo("medium");
        assertThat(ContextKey.of("MASS_EXIT", 0.5, 50, 0, null).size().wireName())
                .isEqualTo("large");
        assertThat(ContextKey.of("MASS_EXIT", 0.5, 500, 0, null).size().wireName())
                .isEqualTo("large");
    }

    @Test
    void deviationBucketsUseTheMagnitudeOverTheExpectedScore() {
        assertThat(deviationOf(0.05, 1.0)).isEqualTo("mild");
        assertThat(deviationOf(-0.0999999999, 1.0)).as("rounds to 0.10").isEqualTo("moderate");
        assertThat(deviationOf(0.10, 1.0)).isEqualTo("moderate");
        assertThat(deviationOf(-0.2, 0.8)).isEqualTo("severe");
        assertThat(deviationOf(0.3, 0.0)).as("expected <= 0").isEqualTo("moderate");
        assertThat(deviationOf(0.3, -0.1)).isEqualTo("moderate");
    }

    @Test
    void keysAreParsedFromTheRightSoAnomalyTypesKeepTheirUnderscores() {
        ContextKey key = ContextKey.parse("GRADUAL_DECLINE_medium_large_mild");

        assertThat(key.anomalyType()).isEqualTo("GRADUAL_DECLINE");
        assertThat(key.engagement()).isEqualTo(ContextKey.EngagementBucket.MEDIUM);
        assertThat(key.size()).isEqualTo(ContextKey.SizeBucket.LARGE);
        assertThat(key.deviation()).isEqualTo(ContextKey.DeviationBucket.MILD);
        assertThat(key.value()).isEqualTo("GRADUAL_DECLINE_medium_large_mild");
        assertThat(key.anomalyTypeKey()).isEqualTo("GRADUAL_DECLINE");
        assertThat(ContextKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void malformedKeysAreRejectedNamingTheKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContextKey.parse("SUDDEN_DROP_low_medium"))
                .withMessageContaining("SUDDEN_DROP_low_medium");
        assertThatIllegalArgumentException().isThrownBy(() -> ContextKey.parse("SUDDEN_DROP"));
        assertThatIllegalArgumentException().isThrownBy(() -> ContextKey.parse("_low_medium_severe"));
        assertThatIllegalArgumentException().isThrownBy(() -> ContextKey.parse("sudden_drop_low_medium_severe"));
        assertThatIllegalArgumentException().isThrownBy(() -> ContextKey.parse("SUDDEN_DROP_LOW_medium_severe"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContextKey.of("SUDDEN_DROP", 45.0, 30, 0.1, 0.6))
                .withMessageContaining("45.0");
    }

    @Test
    void thePayloadCarriesTheFourPriorKeys() {
        ContextKey key = ContextKey.parse("SUDDEN_DROP_low_medium_severe");

        assertThat(key.payload())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("engagement_bucket", "low"),
                        org.assertj.core.api.Assertions.entry("session_size_bucket", "medium"),
                        org.assertj.core.api.Assertions.entry("anomaly_type", "SUDDEN_DROP"),
                        org.assertj.core.api.Assertions.entry("deviation_bucket", "severe"));
    }

    private static String bucketOf(double score) {
        return ContextKey.of("LOW_ENGAGEMENT", score, 20, 0, null).engagement().wireName();
    }

    private static String deviationOf(double deviation, double expected) {
        return ContextKey.of("SUDDEN_DROP", 0.4, 20, deviation, expected)
                .deviation()
                .wireName();
    }
}

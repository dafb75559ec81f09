package com.engagementconductor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** R0.5: values are rounded half-up to 9 decimals before any threshold comparison. */
class ThresholdsTests {

    @Test
    void roundsHalfUpAtTheNinthDecimal() {
        assertThat(Thresholds.round9(0.1234567895)).isEqualTo(0.12345679);
        assertThat(Thresholds.round9(0.1234567894)).isEqualTo(0.123456789);
        assertThat(Thresholds.round9(-0.0000000005)).isEqualTo(-0.000000001);
        assertThat(Thresholds.round9(0.75)).isEqualTo(0.75);
    }

    @Test
    void dv3Tick19RatioIsTenPercentOnlyAfterRounding() {
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += 0.70;
        }
        for (int i = 0; i < 6; i++) {
            sum += 0.60;
        }
        double mean = sum / 18;
        double ratio = (mean - 0.60) / mean;

        assertThat(ratio).isLessThan(0.10);
        assertThat(Thresholds.atLeast(ratio, 0.10)).isTrue();
    }

    @Test
    void comparisonsRoundBothSides() {
        assertThat(Thresholds.atMost(0.2000000004, 0.20)).isTrue();
        assertThat(Thresholds.atMost(0.2000000006, 0.20)).isFalse();
        assertThat(Thresholds.below(0.0399999999999, 0.04)).isFalse();
        assertThat(Thresholds.below(0.039999999, 0.04)).isTrue();
    }

    @Test
    void rejectsValuesThatAreNotFinite() {
        assertThatIllegalArgumentException().isThrownBy(() -> Thresholds.round9(Double.NaN));
    }
}

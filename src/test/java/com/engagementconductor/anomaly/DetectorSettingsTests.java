package com.engagementconductor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults of R0.6 and section 3, validation, and the tick-scaled constants. */
class DetectorSettingsTests {

    @Test
    void defaultsAreThoseOfTheSpecification() {
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(5));

        assertThat(settings.warmupTicks()).isEqualTo(6);
        assertThat(settings.hstEnabled()).isTrue();
        assertThat(settings.hstSeed()).isEqualTo(1L);
        assertThat(settings.warningThreshold()).isEqualTo(0.6);
        assertThat(settings.criticalThreshold()).isEqualTo(0.8);
        assertThat(settings.cooldown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.raiseAfterTicks()).isEqualTo(2);
        assertThat(settings.clearAfterTicks()).isEqualTo(3);
        assertThat(settings.suddenDropRatio()).isEqualTo(0.25);
        assertThat(settings.massExitLeave()).isEqualTo(0.15);
        assertThat(settings.lowEngagementMean()).isEqualTo(0.20);
        assertThat(settings.veryLowEngagementMean()).isEqualTo(0.10);
        assertThat(settings.gradualSlopePerMinute()).isEqualTo(-0.04);
        assertThat(settings.belowMeanRatio()).isEqualTo(0.10);
        assertThat(settings.minSigma()).isEqualTo(0.02);
    }

    @Test
    void withHstChangesOnlyTheHstSettings() {
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(5));

        DetectorSettings changed = settings.withHst(false, -42L);

        assertThat(changed.hstEnabled()).isFalse();
        assertThat(changed.hstSeed()).isEqualTo(-42L);
        assertThat(changed.withHst(true, 1L)).isEqualTo(settings);
    }

    @Test
    void constantsInSecondsScaleWithTheDefaultTick() {
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(5));

        assertThat(settings.meanWeight()).isEqualTo(0.1);
        assertThat(settings.varianceWeight()).isEqualTo(0.02);
        assertThat(settings.recentMeanTicks()).isEqualTo(6);
        assertThat(settings.referenceWindowTicks()).isEqualTo(30);
        assertThat(settings.minuteBackTicks()).isEqualTo(12);
    }

    @Test
    void constantsInSecondsScaleWithAOneSecondTick() {
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(1));

        assertThat(settings.meanWeight()).isEqualTo(0.02);
        assertThat(settings.varianceWeight()).isEqualTo(0.004);
        assertThat(settings.recentMeanTicks()).isEqualTo(30);
        assertThat(settings.referenceWindowTicks()).isEqualTo(150);
        assertThat(settings.minuteBackTicks()).isEqualTo(60);
    }

    @Test
    void windowsRoundAsSpecifiedAtASevenSecondTick() {
        DetectorSettings settings = DetectorSettings.defaults(Duration.ofSeconds(7));

        assertThat(settings.recentMeanTicks()).isEqualTo(5);
        assertThat(settings.referenceWindowTicks()).isEqualTo(21);
        assertThat(settings.minuteBackTicks()).isEqualTo(9);
    }

    @Test
    void tickMustBeWholeSecondsFromOneToTen() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DetectorSettings.defaults(Duration.ZERO))
                .withMessageContaining("tick");
        assertThatIllegalArgumentException().isThrownBy(() -> DetectorSettings.defaults(Duration.ofSeconds(11)));
        assertThatIllegalArgumentException().isThrownBy(() -> DetectorSettings.defaults(Duration.ofMillis(1500)));
        assertThat(DetectorSettings.defaults(Duration.ofSeconds(10)).tickSeconds())
                .isEqualTo(10);
    }

    @Test
    void warmUpNeedsAtLeastThreeTicks() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DetectorSettings(
                        Duration.ofSeconds(5),
                        2,
                        true,
                        1,
                        0.6,
                        0.8,
                        Duration.ofSeconds(30),
                        2,
                        3,
                        0.25,
                        0.15,
                        0.2,
                        0.1,
                        -0.04,
                        0.1,
                        0.02))
                .withMessage("warmupTicks must be >= 3: 2");
    }

    @Test
    void criticalThresholdMayNotBeBelowWarning() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DetectorSettings(
                        Duration.ofSeconds(5),
                        6,
                        true,
                        1,
                        0.6,
                        0.5,
                        Duration.ofSeconds(30),
                        2,
                        3,
                        0.25,
                        0.15,
                        0.2,
                        0.1,
                        -0.04,
                        0.1,
                        0.02))
                .withMessageContaining("criticalThreshold");
    }

    @Test
    void gradualSlopeMustBeNegative() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DetectorSettings(
                        Duration.ofSeconds(5),
                        6,
                        true,
                        1,
                        0.6,
                        0.8,
                        Duration.ofSeconds(30),
                        2,
                        3,
                        0.25,
                        0.15,
                        0.2,
                        0.1,
                        0.04,
                        0.1,
                        0.02))
                .withMessageContaining("gradualSlopePerMinute");
    }
}

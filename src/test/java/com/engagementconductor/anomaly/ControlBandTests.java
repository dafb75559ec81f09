package com.engagementconductor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The EWMA band with winsorised variance (R3.3) and the one-sided CUSUM (R3.4). */
class ControlBandTests {

    private static final DetectorSettings SETTINGS = DetectorSettings.defaults(Duration.ofSeconds(5));

    @Test
    void zUsesTheFloorOnSigmaAndTheStateBeforeTheUpdate() {
        EwmaBaseline band = new EwmaBaseline(SETTINGS);
        band.start(0.70, 0.0);

        assertThat(band.standardised(0.30)).isCloseTo(-20.0, within(1e-9));
    }

    @Test
    void largeResidualIsClippedInTheVarianceUpdate() {
        EwmaBaseline band = new EwmaBaseline(SETTINGS);
        band.start(0.70, 0.0);

        band.update(0.30);
        assertThat(band.mean()).isCloseTo(0.66, within(1e-12));
        assertThat(band.variance()).isCloseTo(0.000072, within(1e-12));

        band.update(0.30);
        assertThat(band.mean()).isCloseTo(0.624, within(1e-12));
        assertThat(band.variance()).isCloseTo(0.98 * 0.000072 + 0.02 * 0.0036, within(1e-12));
    }

    @Test
    void smallResidualIsNotClipped() {
        EwmaBaseline band = new EwmaBaseline(SETTINGS);
        band.start(0.70, 0.0);

        band.update(0.68);

        assertThat(band.variance()).isCloseTo(0.02 * 0.0004, within(1e-12));
    }

    @Test
    void cusumAccumulatesAboveKAndCapsAtTwiceH() {
        DriftDetector drift = new DriftDetector();

        assertThat(drift.step(5.0)).isCloseTo(0.75 * 0.35, within(1e-12));
        assertThat(drift.sum()).isCloseTo(3.5, within(1e-12));
        drift.step(20.0);
        assertThat(drift.sum()).isEqualTo(20.0);
        assertThat(drift.step(0.0)).isEqualTo(0.75);
        drift.step(-100.0);
        assertThat(drift.sum()).isZero();
    }

    @Test
    void driftAloneNeverExceedsWarning() {
        DriftDetector drift = new DriftDetector();
        double peak = 0;
        for (int i = 0; i < 50; i++) {
            peak = Math.max(peak, drift.step(50.0));
        }

        assertThat(peak).isEqualTo(0.75);
    }
}

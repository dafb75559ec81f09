package com.engagementconductor.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The classification rules of R3.9, first match wins. */
class AnomalyClassifierTests {

    private static final DetectorSettings SETTINGS = DetectorSettings.defaults(Duration.ofSeconds(5));
    private final AnomalyClassifier classifier = new AnomalyClassifier(SETTINGS);

    @Test
    void massExitWinsOverLowEngagement() {
        TickHistory history = history(30, 0.15);

        assertThat(classifier.classify(0.15, 0.15, 0.15, history)).isEqualTo(AnomalyType.MASS_EXIT);
        assertThat(classifier.classify(0.15, 0.149, 0.15, history)).isEqualTo(AnomalyType.LOW_ENGAGEMENT);
    }

    @Test
    void fallOfAQuarterAgainstThePreviousTickIsASuddenDrop() {
        TickHistory history = history(3, 0.80);

        assertThat(classifier.classify(0.60, 0, 0.7, history)).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(classifier.fellFromPrevious(history, 0.60)).isTrue();
        assertThat(classifier.fellFromPrevious(history, 0.6000001)).isFalse();
    }

    @Test
    void fallOfAQuarterAgainstSixtySecondsEarlierIsASuddenDrop() {
        TickHistory history = new TickHistory(30);
        history.add(0.80, 0.80);
        for (int i = 0; i < 11; i++) {
            history.add(0.80 - 0.018 * (i + 1), 0.5);
        }

        assertThat(history.x(12)).isEqualTo(0.80);
        assertThat(classifier.fellFromPrevious(history, 0.60)).isFalse();
        assertThat(classifier.classify(0.60, 0, 0.7, history)).isEqualTo(AnomalyType.SUDDEN_DROP);
    }

    @Test
    void steadyDeclineOverAFullWindowIsGradual() {
        TickHistory history = new TickHistory(30);
        for (int i = 0; i < 30; i++) {
            history.add(0.80 - 0.001 * i, 0.5);
        }

        assertThat(AnomalyClassifier.slopePerTick(history, 30, 0.80 - 0.001 * 30))
                .isCloseTo(-0.001, within(1e-12));
        assertThat(classifier.classify(0.80 - 0.001 * 30, 0, 0.7, history)).isNull();

        TickHistory steeper = new TickHistory(30);
        for (int i = 0; i < 30; i++) {
            steeper.add(0.80 - 0.004 * i, 0.5);
        }
        assertThat(classifier.classify(0.80 - 0.004 * 30, 0, 0.7, steeper)).isEqualTo(AnomalyType.GRADUAL_DECLINE);
    }

    @Test
    void declineIsNotGradualBeforeTheWindowIsFull() {
        TickHistory history = new TickHistory(30);
        for (int i = 0; i < 29; i++) {
            history.add(0.80 - 0.004 * i, 0.5);
        }

        assertThat(classifier.classify(0.80 - 0.004 * 29, 0, 0.7, history)).isNull();
    }

    @Test
    void tenPercentBelowTheReferenceMeanIsASuddenDrop() {
        TickHistory history = history(30, 0.70);

        assertThat(classifier.classify(0.63, 0, 0.7, history)).isEqualTo(AnomalyType.SUDDEN_DROP);
        assertThat(classifier.classify(0.631, 0, 0.7, history)).isNull();
    }

    private static TickHistory history(int n, double x) {
        TickHistory history = new TickHistory(30);
        for (int i = 0; i < n; i++) {
            history.add(x, x);
        }
        return history;
    }
}

package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpliftReportTests {

    /** n values with this mean and sample standard deviation: ± a around the mean (one at the mean when n is odd). */
    static List<Double> sample(int n, double mean, double sd) {
        int pairs = n / 2;
        double a = sd * Math.sqrt((n - 1) / (2.0 * pairs));
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            values.add(mean + a);
            values.add(mean - a);
        }
        if (n % 2 == 1) {
            values.add(mean);
        }
        return values;
    }

    static List<UpliftSamples.Sample> samples(String arm, String context, List<Double> deltas) {
        return deltas.stream()
                .map(d -> new UpliftSamples.Sample(arm, context, d))
                .toList();
    }

    @Test
    void tvL4UpliftAndInterval() {
        List<UpliftSamples.Sample> treated = samples("POLL", "SUDDEN_DROP_low_medium_severe", sample(40, 0.11, 0.08));
        List<UpliftSamples.Sample> holdout = samples("POLL", "SUDDEN_DROP_low_medium_severe", sample(25, 0.04, 0.06));

        UpliftReport report = UpliftReport.of("evt_7", treated, holdout);

        assertThat(report.arms())
                .containsExactly(new UpliftReport.Row("POLL", null, 40, 0.11, 25, 0.04, 0.07, 0.036, 0.104));
        assertThat(report.contexts())
                .containsExactly(new UpliftReport.Row(
                        "POLL", "SUDDEN_DROP_low_medium_severe", 40, 0.11, 25, 0.04, 0.07, 0.036, 0.104));
    }

    @Test
    void upliftIsNullUnlessBothGroupsHaveTwoCases() {
        List<UpliftSamples.Sample> treated =
                new ArrayList<>(samples("POLL", "SUDDEN_DROP_low_medium_severe", List.of(0.1, 0.08, 0.09)));
        treated.addAll(samples("POLL", "SUDDEN_DROP_critical_large_mild", List.of(0.2, 0.3)));
        List<UpliftSamples.Sample> holdout = samples("POLL", "SUDDEN_DROP_low_medium_severe", List.of(0.02));

        UpliftReport report = UpliftReport.of("evt_7", treated, holdout);

        assertThat(report.contexts())
                .containsExactly(
                        new UpliftReport.Row(
                                "POLL", "SUDDEN_DROP_critical_large_mild", 2, 0.25, 0, null, null, null, null),
                        new UpliftReport.Row(
                                "POLL", "SUDDEN_DROP_low_medium_severe", 3, 0.09, 1, 0.02, null, null, null));
        assertThat(report.arms())
                .containsExactly(new UpliftReport.Row("POLL", null, 5, 0.154, 1, 0.02, null, null, null));
    }

    @Test
    void armsAreComparedWithTheirOwnHoldoutsInArmOrder() {
        List<UpliftSamples.Sample> treated =
                new ArrayList<>(samples("GAMIFICATION", "LOW_ENGAGEMENT_low_large_mild", List.of(0.1, 0.2)));
        treated.addAll(samples("POLL", "LOW_ENGAGEMENT_low_large_mild", List.of(0.3, 0.5)));
        List<UpliftSamples.Sample> holdout =
                new ArrayList<>(samples("POLL", "LOW_ENGAGEMENT_low_large_mild", List.of(0.0, 0.2)));
        holdout.addAll(samples("GAMIFICATION", "LOW_ENGAGEMENT_low_large_mild", List.of(0.1, 0.1)));

        UpliftReport report = UpliftReport.of("evt_7", treated, holdout);

        assertThat(report.arms())
                .extracting(UpliftReport.Row::interventionType)
                .containsExactly("POLL", "GAMIFICATION");
        // POLL: 0.4 − 0.1 = 0.3, half-width 1.96·√(0.02/2 + 0.02/2) = 0.277186
        assertThat(report.arms().get(0))
                .isEqualTo(new UpliftReport.Row("POLL", null, 2, 0.4, 2, 0.1, 0.3, 0.023, 0.577));
        // GAMIFICATION: 0.15 − 0.1 = 0.05, half-width 1.96·√(0.005/2 + 0) = 0.098
        assertThat(report.arms().get(1))
                .isEqualTo(new UpliftReport.Row("GAMIFICATION", null, 2, 0.15, 2, 0.1, 0.05, -0.048, 0.148));
    }

    @Test
    void noDataGivesEmptyLists() {
        UpliftReport report = UpliftReport.of("evt_empty", List.of(), List.of());
        assertThat(report.arms()).isEmpty();
        assertThat(report.contexts()).isEmpty();
    }
}

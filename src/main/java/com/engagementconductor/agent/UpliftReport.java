package com.engagementconductor.agent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Uplift per arm and per arm and context (behaviour R7.6): mean treated delta minus mean holdout delta, with the
 * 95 % interval ± 1.96·√(s_t²/n_t + s_h²/n_h) from sample standard deviations; null unless both groups have at
 * least two cases. A holdout case counts for the arm its decision had chosen, so each comparison is between
 * decisions of the same arm that were executed and that were held out at random. Numbers are rounded to 3
 * decimals.
 */
public record UpliftReport(String eventId, List<Row> arms, List<Row> contexts) {
    static final double Z_95 = 1.96;
    static final int MIN_CASES = 2;

    public UpliftReport {
        Objects.requireNonNull(eventId, "eventId");
        arms = List.copyOf(arms);
        contexts = List.copyOf(contexts);
    }

    /** One group: {@code contextKey} is null in the per-arm rows. */
    public record Row(
            String interventionType,
            @Nullable String contextKey,
            int treatedN,
            @Nullable Double treatedMean,
            int holdoutN,
            @Nullable Double holdoutMean,
            @Nullable Double uplift,
            @Nullable Double ciLow,
            @Nullable Double ciHigh) {}

    /** The report over these samples; groups are ordered by arm, then context key. */
    public static UpliftReport of(
            String eventId, List<UpliftSamples.Sample> treated, List<UpliftSamples.Sample> holdout) {
        return new UpliftReport(
                eventId,
                rows(treated, holdout, s -> new Key(s.interventionType(), null)),
                rows(
                        treated.stream().filter(s -> s.contextKey() != null).toList(),
                        holdout.stream().filter(s -> s.contextKey() != null).toList(),
                        s -> new Key(s.interventionType(), s.contextKey())));
    }

    private record Key(String type, @Nullable String context) {}

    private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> armOrder(k.type()))
            .thenComparing(Key::type)
            .thenComparing(k -> k.context() == null ? "" : k.context());

    private static List<Row> rows(
            List<UpliftSamples.Sample> treated,
            List<UpliftSamples.Sample> holdout,
            Function<UpliftSamples.Sample, Key> key) {
        Map<Key, List<List<Double>>> groups = new TreeMap<>(ORDER);
        for (UpliftSamples.Sample s : treated) {
            groups.computeIfAbsent(key.apply(s), k -> List.of(new ArrayList<>(), new ArrayList<>()))
                    .get(0)
                    .add(s.delta());
        }
        for (UpliftSamples.Sample s : holdout) {
            groups.computeIfAbsent(key.apply(s), k -> List.of(new ArrayList<>(), new ArrayList<>()))
                    .get(1)
                    .add(s.delta());
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((k, g) -> rows.add(row(k, g.get(0), g.get(1))));
        return rows;
    }

    static Row row(Key key, List<Double> treated, List<Double> holdout) {
        Double tMean = mean(treated);
        Double hMean = mean(holdout);
        Double uplift = null;
        Double low = null;
        Double high = null;
        if (treated.size() >= MIN_CASES && holdout.size() >= MIN_CASES) {
            double diff = Objects.requireNonNull(tMean) - Objects.requireNonNull(hMean);
            double half = Z_95
                    * Math.sqrt(variance(treated, tMean) / treated.size() + variance(holdout, hMean) / holdout.size());
            uplift = round3(diff);
            low = round3(diff - half);
            high = round3(diff + half);
        }
        return new Row(
                key.type(),
                key.context(),
                treated.size(),
                tMean == null ? null : round3(tMean),
                holdout.size(),
                hMean == null ? null : round3(hMean),
                uplift,
                low,
                high);
    }

    private static @Nullable Double mean(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    /** The sample variance (dividing by n − 1). */
    private static double variance(List<Double> values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.size() - 1);
    }

    static double round3(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    private static int armOrder(String type) {
        return switch (type) {
            case "POLL" -> 0;
            case "BROADCAST" -> 1;
            case "NOTIFICATION" -> 2;
            case "GAMIFICATION" -> 3;
            default -> 4;
        };
    }
}

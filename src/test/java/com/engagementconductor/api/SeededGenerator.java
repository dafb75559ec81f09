package com.engagementconductor.api;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Test values drawn from a {@link SplittableRandom} with a fixed seed: the same seed gives the same values in the
 * same order on every run and every machine, so a generated request is reproduced by its seed and index.
 */
final class SeededGenerator {
    /** How often {@link #until} draws again before it gives up on a filter that (almost) never holds. */
    static final int MAX_DRAWS = 10_000;

    private final SplittableRandom random;

    SeededGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} values, each made by {@code make} from this generator in turn. */
    <T> List<T> list(int count, Function<SeededGenerator, T> make) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(make.apply(this));
        }
        return out;
    }

    /** An int in {@code [min, max]}. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A long in {@code [min, max]}, {@code max} below {@link Long#MAX_VALUE}. */
    long between(long min, long max) {
        return random.nextLong(min, max + 1);
    }

    /** A double in {@code [min, max)}. */
    double between(double min, double max) {
        return random.nextDouble(min, max);
    }

    /** Any int. */
    int anyInt() {
        return random.nextInt();
    }

    /** True once in {@code n} draws on average. */
    boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A string of {@code min..max} code points from {@code alphabet} (which may hold supplementary characters). */
    String string(String alphabet, int min, int max) {
        int[] points = alphabet.codePoints().toArray();
        int length = between(min, max);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return out.toString();
    }

    UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** One of the makers, each as likely as the others. */
    @SafeVarargs
    final <T> T oneOf(Function<SeededGenerator, T>... makers) {
        return pick(makers).apply(this);
    }

    /** A maker and how often it is chosen relative to the others. */
    record Weighted<T>(int weight, Function<SeededGenerator, T> make) {
        Weighted {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be positive: " + weight);
            }
        }
    }

    /** One of the makers, chosen in proportion to its weight. */
    @SafeVarargs
    final <T> T frequency(Weighted<T>... makers) {
        int total = 0;
        for (Weighted<T> w : makers) {
            total += w.weight();
        }
        int roll = random.nextInt(total);
        for (Weighted<T> w : makers) {
            roll -= w.weight();
            if (roll < 0) {
                return w.make().apply(this);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The first value made by {@code make} that {@code keep} accepts. */
    <T> T until(Function<SeededGenerator, T> make, Predicate<? super T> keep) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            T value = make.apply(this);
            if (keep.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("no accepted value in " + MAX_DRAWS + " draws");
    }
}

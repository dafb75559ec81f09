package com.engagementconductor.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** The last {@code capacity} distinct texts used, oldest first; texts compare ignoring case and spacing. */
final class RecentlyUsed {

    private final int capacity;
    private final List<String> keys = new ArrayList<>();

    RecentlyUsed(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    void use(String text) {
        String key = key(text);
        keys.remove(key);
        keys.add(key);
        if (keys.size() > capacity) {
            keys.remove(0);
        }
    }

    boolean contains(String text) {
        return keys.contains(key(text));
    }

    /** Position from the oldest (0); only meaningful for a text this contains. */
    private int age(String text) {
        return keys.indexOf(key(text));
    }

    List<String> keys() {
        return List.copyOf(keys);
    }

    /**
     * A uniform choice among the candidates not used recently, else the one used longest ago (R6.5); the choice is
     * then recorded as used. Nothing is ever cleared except by falling off the end.
     */
    <T> T pick(List<T> candidates, Function<T, String> text, RandomGenerator random) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates to pick from");
        }
        List<T> fresh =
                candidates.stream().filter(c -> !contains(text.apply(c))).toList();
        T choice;
        if (fresh.isEmpty()) {
            choice = candidates.get(0);
            for (T candidate : candidates) {
                if (age(text.apply(candidate)) < age(text.apply(choice))) {
                    choice = candidate;
                }
            }
        } else {
            choice = fresh.get(random.nextInt(fresh.size()));
        }
        use(text.apply(choice));
        return choice;
    }

    static String key(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

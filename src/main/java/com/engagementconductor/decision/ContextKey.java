package com.engagementconductor.decision;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The bandit context {@code {anomaly_type}_{engagement}_{size}_{deviation}} of R4.2. The anomaly type's own
 * key (its bare name) is the anomaly-type aggregate of R4.5b.
 */
public record ContextKey(String anomalyType, EngagementBucket engagement, SizeBucket size, DeviationBucket deviation) {

    private static final Pattern ANOMALY_TYPE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    public ContextKey {
        Objects.requireNonNull(anomalyType, "anomalyType must not be null");
        Objects.requireNonNull(engagement, "engagement must not be null");
        Objects.requireNonNull(size, "size must not be null");
        Objects.requireNonNull(deviation, "deviation must not be null");
        if (anomalyType.length() > 50 || !ANOMALY_TYPE.matcher(anomalyType).matches()) {
            throw new IllegalArgumentException(
                    "anomalyType must be upper-case words joined by '_', at most 50 characters: " + anomalyType);
        }
    }

    /**
     * The context of a raised anomaly (R4.2), each value rounded half-up to 9 decimals before it is compared with a
     * bucket boundary (R0.5).
     *
     * @param anomalyType the anomaly type's name, such as {@code SUDDEN_DROP}
     * @param publishedScore the current published score, 0..1
     * @param connectedUsers N(t), the connected (not active) users
     * @param deviation the deviation from the expected score; its magnitude is used
     * @param expected the expected score, or null when unknown (then the deviation bucket is {@code moderate})
     */
    public static ContextKey of(
            String anomalyType,
            double publishedScore,
            int connectedUsers,
            double deviation,
            @Nullable Double expected) {
        if (!(publishedScore >= 0.0 && publishedScore <= 1.0)) {
            throw new IllegalArgumentException("publishedScore must be in [0,1]: " + publishedScore);
        }
        if (connectedUsers < 0) {
            throw new IllegalArgumentException("connectedUsers must be >= 0: " + connectedUsers);
        }
        if (!Double.isFinite(deviation)) {
            throw new IllegalArgumentException("deviation must be finite: " + deviation);
        }
        if (expected != null && !Double.isFinite(expected)) {
            throw new IllegalArgumentException("expected must be finite: " + expected);
        }
        return new ContextKey(
                anomalyType,
                EngagementBucket.of(publishedScore),
                SizeBucket.of(connectedUsers),
                DeviationBucket.of(deviation, expected));
    }

    /**
     * Parses a full key from the right, so anomaly types with underscores survive.
     *
     * @throws IllegalArgumentException naming the key when it has no three valid buckets after a valid anomaly type
     */
    public static ContextKey parse(String key) {
        String[] parts = new String[4];
        String rest = key;
        for (int i = 3; i >= 1; i--) {
            int cut = rest.lastIndexOf('_');
            if (cut <= 0) {
                throw new IllegalArgumentException(
                        "not a context key {anomaly_type}_{engagement}_{size}_{deviation}: " + key);
            }
            parts[i] = rest.substring(cut + 1);
            rest = rest.substring(0, cut);
        }
        parts[0] = rest;
        try {
            return new ContextKey(
                    parts[0],
                    EngagementBucket.parse(parts[1]),
                    SizeBucket.parse(parts[2]),
                    DeviationBucket.parse(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a context key (" + e.getMessage() + "): " + key, e);
        }
    }

    /** The stored key, {@code SUDDEN_DROP_low_medium_severe}. */
    public String value() {
        return anomalyType + "_" + engagement.wireName() + "_" + size.wireName() + "_" + deviation.wireName();
    }

    /** The key of this context's anomaly-type aggregate (R4.5b): the bare anomaly type. */
    public String anomalyTypeKey() {
        return anomalyType;
    }

    /** The four keys of {@code agent.decision}'s {@code context} that make up this key (contracts §8.1). */
    public Map<String, String> payload() {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("engagement_bucket", engagement.wireName());
        payload.put("session_size_bucket", size.wireName());
        payload.put("anomaly_type", anomalyType);
        payload.put("deviation_bucket", deviation.wireName());
        return payload;
    }

    @Override
    public String toString() {
        return value();
    }

    /** The published score's bucket: {@code critical} < 0.30 ≤ {@code low} < 0.50 ≤ {@code medium}. */
    public enum EngagementBucket {
        CRITICAL,
        LOW,
        MEDIUM;

        static EngagementBucket of(double score) {
            if (Thresholds.below(score, 0.30)) {
                return CRITICAL;
            }
            return Thresholds.below(score, 0.50) ? LOW : MEDIUM;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static EngagementBucket parse(String wireName) {
            for (EngagementBucket b : values()) {
                if (b.wireName().equals(wireName)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown engagement bucket: " + wireName);
        }
    }

    /** The connected users' bucket: {@code small} < 10 ≤ {@code medium} < 50 ≤ {@code large}. */
    public enum SizeBucket {
        SMALL,
        MEDIUM,
        LARGE;

        static SizeBucket of(int connectedUsers) {
            if (connectedUsers < 10) {
                return SMALL;
            }
            return connectedUsers < 50 ? MEDIUM : LARGE;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static SizeBucket parse(String wireName) {
            for (SizeBucket b : values()) {
                if (b.wireName().equals(wireName)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown size bucket: " + wireName);
        }
    }

    /**
     * The bucket of |deviation| ÷ expected: {@code mild} < 0.10 ≤ {@code moderate} < 0.25 ≤ {@code severe};
     * {@code moderate} when the expected score is unknown or ≤ 0.
     */
    public enum DeviationBucket {
        MILD,
        MODERATE,
        SEVERE;

        static DeviationBucket of(double deviation, @Nullable Double expected) {
            if (expected == null || Thresholds.round9(expected) <= 0.0) {
                return MODERATE;
            }
            double ratio = Math.abs(deviation) / expected;
            if (Thresholds.below(ratio, 0.10)) {
                return MILD;
            }
            return Thresholds.below(ratio, 0.25) ? MODERATE : SEVERE;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True when the text is one of {@code mild}, {@code moderate}, {@code severe}. */
        static boolean isWireName(String text) {
            for (DeviationBucket b : values()) {
                if (b.wireName().equals(text)) {
                    return true;
                }
            }
            return false;
        }

        static DeviationBucket parse(String wireName) {
            for (DeviationBucket b : values()) {
                if (b.wireName().equals(wireName)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown deviation bucket: " + wireName);
        }
    }
}

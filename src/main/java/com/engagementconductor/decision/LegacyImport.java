package com.engagementconductor.decision;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prior statistics blob {@code {context_key: {ARM: {alpha, beta, total_attempts, …}}}} read into evidence for
 * the global scope (R4.9, contracts §8.5): a 3-part key gains {@code _moderate}; {@code CHAT_PROMPT} evidence is
 * added to {@code BROADCAST}; an unknown arm is skipped and reported while the rest is imported; each context also
 * feeds its anomaly-type aggregate (R4.5b). Reading the blob and deciding whether to import are the caller's.
 */
public final class LegacyImport {

    /** Something the import left out, with the key and arm as they appear in the blob. */
    public record Skipped(String contextKey, @Nullable String arm, String reason) {}

    private final List<Evidence> contexts;
    private final List<Evidence> aggregates;
    private final List<Skipped> skipped;

    private LegacyImport(List<Evidence> contexts, List<Evidence> aggregates, List<Skipped> skipped) {
        this.contexts = List.copyOf(contexts);
        this.aggregates = List.copyOf(aggregates);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Reads the blob. Entries that cannot be imported are skipped and listed in {@link #skipped()}.
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static LegacyImport parse(String json) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("legacy statistics are not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("legacy statistics must be a JSON object of contexts");
        }
        Map<String, EnumMap<Arm, double[]>> byContext = new LinkedHashMap<>();
        Map<String, EnumMap<Arm, double[]>> byAnomalyType = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> context : root.properties()) {
            String legacyKey = context.getKey();
            Optional<ContextKey> key = contextKey(legacyKey);
            if (key.isEmpty()) {
                skipped.add(new Skipped(legacyKey, null, "not a context key"));
                continue;
            }
            if (!context.getValue().isObject()) {
                skipped.add(new Skipped(legacyKey, null, "not an object of arms"));
                continue;
            }
            for (Map.Entry<String, JsonNode> entry : context.getValue().properties()) {
                Optional<Arm> arm = Arm.tryParse(entry.getKey());
                if (arm.isEmpty()) {
                    skipped.add(new Skipped(legacyKey, entry.getKey(), "unknown arm"));
                    continue;
                }
                double[] evidence = evidence(entry.getValue());
                if (evidence == null) {
                    skipped.add(new Skipped(legacyKey, entry.getKey(), "alpha and beta must be numbers >= 1"));
                    continue;
                }
                add(byContext, key.get().value(), arm.get(), evidence);
                add(byAnomalyType, key.get().anomalyTypeKey(), arm.get(), evidence);
            }
        }
        return new LegacyImport(rows(byContext), rows(byAnomalyType), skipped);
    }

    /** The evidence of the full contexts, then of their anomaly-type aggregates, for the global scope. */
    public List<Evidence> evidence() {
        List<Evidence> all = new ArrayList<>(contexts.size() + aggregates.size());
        all.addAll(contexts);
        all.addAll(aggregates);
        return all;
    }

    /** The evidence of the full contexts only. */
    public List<Evidence> contexts() {
        return contexts;
    }

    /** The evidence of the anomaly-type aggregates only (sums over the imported contexts). */
    public List<Evidence> aggregates() {
        return aggregates;
    }

    /** What was left out, to log and count ({@code conductor_legacy_import_skipped_total}). */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** Adds the evidence to the global scope of the store, in one step. */
    public void applyTo(BanditStatistics statistics) {
        statistics.addEvidence(Scope.GLOBAL, evidence());
    }

    /** The key parsed from the right; a legacy 3-part key (no deviation bucket) gains {@code _moderate}. */
    private static Optional<ContextKey> contextKey(String legacyKey) {
        String last = legacyKey.substring(legacyKey.lastIndexOf('_') + 1);
        String full = ContextKey.DeviationBucket.isWireName(last) ? legacyKey : legacyKey + "_moderate";
        try {
            return Optional.of(ContextKey.parse(full));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * {a = α − 1, b = β − 1, attempts}, or null when α or β is missing or below 1. Without {@code total_attempts}
     * the attempts are a + b rounded, which is what the prior's undiscounted updates add up to.
     */
    private static double @Nullable [] evidence(JsonNode stats) {
        JsonNode alpha = stats.get("alpha");
        JsonNode beta = stats.get("beta");
        if (alpha == null || beta == null || !alpha.isNumber() || !beta.isNumber()) {
            return null;
        }
        double a = alpha.doubleValue() - 1.0;
        double b = beta.doubleValue() - 1.0;
        if (!(a >= 0.0) || !(b >= 0.0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return null;
        }
        JsonNode total = stats.get("total_attempts");
        double attempts = total != null && total.isNumber() && total.doubleValue() >= 0
                ? Math.floor(total.doubleValue())
                : Math.round(a + b);
        return new double[] {a, b, attempts};
    }

    private static void add(Map<String, EnumMap<Arm, double[]>> sums, String key, Arm arm, double[] evidence) {
        double[] sum =
                sums.computeIfAbsent(key, k -> new EnumMap<>(Arm.class)).computeIfAbsent(arm, k -> new double[3]);
        for (int i = 0; i < 3; i++) {
            sum[i] += evidence[i];
        }
    }

    private static List<Evidence> rows(Map<String, EnumMap<Arm, double[]>> sums) {
        List<Evidence> rows = new ArrayList<>();
        sums.forEach(
                (key, arms) -> arms.forEach((arm, s) -> rows.add(new Evidence(key, arm, s[0], s[1], (long) s[2]))));
        return rows;
    }
}

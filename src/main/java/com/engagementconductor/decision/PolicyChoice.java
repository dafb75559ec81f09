package com.engagementconductor.decision;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@link InterventionPolicy#decide}: an arm with the figures of R4.8, or no intervention. Both
 * carry every arm's effective posterior and eligibility, in arm order.
 */
public sealed interface PolicyChoice {

    /** All four arms, in arm order. */
    Map<Arm, ArmPosterior> posteriors();

    /** The {@code posteriors} object of {@code agent.decision}: arm name → {@code {alpha, beta, eligible}}. */
    default Map<String, Map<String, Object>> posteriorsPayload() {
        Map<String, Map<String, Object>> payload = new LinkedHashMap<>();
        posteriors().forEach((arm, p) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("alpha", p.alpha());
            entry.put("beta", p.beta());
            entry.put("eligible", p.eligible());
            payload.put(arm.name(), entry);
        });
        return payload;
    }

    /**
     * The chosen arm and its reported figures (R4.8).
     *
     * @param posteriorMean α̃ ÷ (α̃ + β̃), also sent as {@code confidence} and {@code successRate}
     * @param probabilityBest the chosen arm's share of the fresh Monte-Carlo rounds; 1.0 when it was the only one
     * @param totalAttempts the effective attempts n̂ + w (R4.5b), which may be fractional
     * @param isExploring {@code totalAttempts} < 5
     */
    record Intervene(
            Arm arm,
            double posteriorMean,
            double probabilityBest,
            double totalAttempts,
            boolean isExploring,
            Map<Arm, ArmPosterior> posteriors)
            implements PolicyChoice {

        public Intervene {
            posteriors = Collections.unmodifiableMap(new EnumMap<>(posteriors));
        }

        /** The {@code historicalPerformance} object of {@code agent.decision}. */
        public Map<String, Object> historicalPerformance() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("successRate", posteriorMean);
            payload.put("totalAttempts", totalAttempts);
            payload.put("isExploring", isExploring);
            return payload;
        }
    }

    /** No arm is eligible: no intervention, never "all arms" (R4.6, TV-B16, TV-B18). */
    record NoIntervention(NoInterventionReason reason, Map<Arm, ArmPosterior> posteriors) implements PolicyChoice {

        public NoIntervention {
            posteriors = Collections.unmodifiableMap(new EnumMap<>(posteriors));
        }
    }
}

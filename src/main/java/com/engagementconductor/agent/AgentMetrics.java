package com.engagementconductor.agent;

import com.engagementconductor.shared.InterventionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The agent's meters (contracts §4.17): decisions by arm and state, the time organizers take to answer, rewards
 * and the posterior means the bandit chose with. Meters are created up front, so recording allocates nothing.
 */
@Component
class AgentMetrics {
    private final Map<InterventionType, Map<Resolution, Counter>> decisions = new EnumMap<>(InterventionType.class);
    private final Map<InterventionType, DistributionSummary> posteriorMeans = new EnumMap<>(InterventionType.class);
    private final Map<InterventionType, DistributionSummary> rewards = new EnumMap<>(InterventionType.class);
    private final Map<InterventionType, Counter> successes = new EnumMap<>(InterventionType.class);
    private final Map<Resolution, Timer> answerTimes = new EnumMap<>(Resolution.class);

    AgentMetrics(MeterRegistry meters) {
        for (InterventionType type : InterventionType.values()) {
            Map<Resolution, Counter> byState = new EnumMap<>(Resolution.class);
            for (Resolution state : Resolution.values()) {
                byState.put(
                        state,
                        Counter.builder("conductor.decisions")
                                .description("decisions entering each state, by the arm chosen")
                                .tag("intervention_type", type.name())
                                .tag("state", state.name())
                                .register(meters));
            }
            decisions.put(type, byState);
            posteriorMeans.put(
                    type,
                    DistributionSummary.builder("conductor.decision.posterior.mean")
                            .description("the chosen arm's effective posterior mean at decision time")
                            .tag("intervention_type", type.name())
                            .register(meters));
            rewards.put(
                    type,
                    DistributionSummary.builder("conductor.rewards")
                            .description("measured rewards (behaviour R7.2) by arm")
                            .tag("intervention_type", type.name())
                            .register(meters));
            successes.put(
                    type,
                    Counter.builder("conductor.rewards.successes")
                            .tag("intervention_type", type.name())
                            .register(meters));
        }
        for (Resolution r : new Resolution[] {Resolution.APPROVED, Resolution.REJECTED}) {
            answerTimes.put(
                    r,
                    Timer.builder("conductor.approval.latency")
                            .description("time from a decision to an organizer's answer")
                            .tag("resolution", r.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /** A decision was made, in its first state (pending, auto-approved or held out). */
    void decided(Decision d) {
        decisions.get(d.type()).get(d.resolution()).increment();
        posteriorMeans.get(d.type()).record(d.posteriorMean());
    }

    /** A pending decision was resolved; {@code byPerson} when an organizer answered. */
    void resolved(InterventionType type, Resolution to, Duration sinceDecision, boolean byPerson) {
        decisions.get(type).get(to).increment();
        Timer t = answerTimes.get(to);
        if (byPerson && t != null) {
            t.record(sinceDecision.isNegative() ? Duration.ZERO : sinceDecision);
        }
    }

    /** A reward was measured for an intervention of {@code type}. */
    void rewarded(InterventionType type, double reward, boolean success) {
        rewards.get(type).record(reward);
        if (success) {
            successes.get(type).increment();
        }
    }
}

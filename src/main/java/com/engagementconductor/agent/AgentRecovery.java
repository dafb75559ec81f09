package com.engagementconductor.agent;

import com.engagementconductor.intervention.InterventionRecord;
import com.engagementconductor.intervention.InterventionStatus;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.scoring.EngagementMetrics;
import com.engagementconductor.shared.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Rebuilds what a session's agent needs after a restart or takeover (R1.11): its recent ticks from stored
 * engagement points, the executions that still await their reward, and the cooldowns and rate-limit slots of
 * the last hour. Pending decisions come from their own table.
 */
@Component
class AgentRecovery {
    private static final Duration LONGEST_POST_WINDOW = Duration.ofSeconds(160);

    private final EngagementMetrics metrics;
    private final Interventions interventions;
    private final DecisionStore decisions;
    private final InterventionLimits limits;
    private final InstantSource clock;

    AgentRecovery(
            EngagementMetrics metrics,
            Interventions interventions,
            DecisionStore decisions,
            InterventionLimits limits,
            InstantSource clock) {
        this.metrics = metrics;
        this.interventions = interventions;
        this.decisions = decisions;
        this.limits = limits;
        this.clock = clock;
    }

    void recover(SessionAgent agent) {
        Instant now = clock.instant();
        for (EngagementMetrics.StoredPoint p :
                metrics.recent(agent.sessionId, now.minus(SessionAgent.KEPT_TICKS), 1000)) {
            Object users = p.signals().get("total_users");
            boolean fed = !p.partial() && users instanceof Number n && n.intValue() >= 3;
            agent.addTick(new SessionAgent.TickPoint(p.timestamp(), p.detection(), p.score(), fed));
        }
        boolean rebuildLimits = !limits.knows(agent.sessionId);
        for (InterventionRecord r :
                interventions.history(agent.sessionId, 200, 0).interventions()) {
            if (r.timestamp().isBefore(now.minus(InterventionLimits.EVENT_WINDOW))) {
                break;
            }
            if (rebuildLimits) {
                limits.record(agent.sessionId, agent.eventId, r.type(), r.timestamp(), null);
            }
            agent.executions.addFirst(r.timestamp());
            Instant executedAt = executedAt(r.outcome());
            if (r.status() == InterventionStatus.EXECUTED
                    && executedAt != null
                    && executedAt.isAfter(now.minus(LONGEST_POST_WINDOW))) {
                Decision d = r.decisionId() == null
                        ? null
                        : decisions.find(r.decisionId()).orElse(null);
                Instant decidedAt = d != null ? d.createdAt() : executedAt;
                agent.rewards.add(new SessionAgent.PendingReward(
                        r.id(),
                        d,
                        d != null ? d.contextKey() : "SUDDEN_DROP_critical_small_moderate",
                        r.type().name(),
                        decidedAt,
                        executedAt,
                        null,
                        agent.meanDetection(decidedAt, Duration.ofSeconds(150), 0.0),
                        true,
                        false,
                        d == null));
            }
        }
    }

    private static @Nullable Instant executedAt(@Nullable Map<String, @Nullable Object> outcome) {
        if (outcome == null || !(outcome.get("executed_at") instanceof String at)) {
            return null;
        }
        try {
            return Timestamps.parse(at);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package com.engagementconductor.agent;

import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmCounter;
import com.engagementconductor.decision.ArmCounters;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.InterventionPolicy;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.intervention.InterventionStatus;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.intervention.Outbox;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.Timestamps;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Learn (R7.1–R7.5): once an execution's post window has passed, measures pre and post on stored ticks, computes
 * the reward, updates the bandit when the delivery was confirmed, the measurement complete and not confounded,
 * records the outcome, and publishes {@code agent.reward.measured}.
 */
@Component
class Learn implements AgentStep {
    private final InterventionPolicy policy;
    private final ArmCounters counters;
    private final Interventions interventions;
    private final LearningStore learning;
    private final Outbox outbox;
    private final AgentMessages messages;
    private final StatusOwner status;
    private final HoldoutPresence holdouts;
    private final AgentMetrics metrics;

    Learn(
            InterventionPolicy policy,
            ArmCounters counters,
            Interventions interventions,
            LearningStore learning,
            Outbox outbox,
            AgentMessages messages,
            StatusOwner status,
            HoldoutPresence holdouts,
            AgentMetrics metrics) {
        this.holdouts = holdouts;
        this.metrics = metrics;
        this.policy = policy;
        this.counters = counters;
        this.interventions = interventions;
        this.learning = learning;
        this.outbox = outbox;
        this.messages = messages;
        this.status = status;
    }

    @Override
    public AgentPass.StepName name() {
        return AgentPass.StepName.LEARN;
    }

    @Override
    public void run(AgentPass pass) {
        if (pass.trigger != AgentPass.Trigger.TICK) {
            return;
        }
        SessionAgent agent = pass.agent;
        boolean measured = false;
        for (Iterator<SessionAgent.PendingReward> it = agent.rewards.iterator(); it.hasNext(); ) {
            SessionAgent.PendingReward r = it.next();
            boolean notification = "NOTIFICATION".equals(r.interventionType());
            if (pass.now.isBefore(Reward.postEnd(r.executedAt(), notification))) {
                continue;
            }
            it.remove();
            measure(agent, r, notification, pass.now);
            measured = true;
        }
        if (measured) {
            status.settle(agent, pass.now);
            agent.followUpAfter = pass.now;
        }
    }

    /**
     * Measures on the lane (the ticks live there) and hands the database work (holdout baseline, bandit update,
     * counters, records) to the record writer, after the intervention's own record (R5.11).
     */
    private void measure(SessionAgent agent, SessionAgent.PendingReward r, boolean notification, Instant now) {
        List<Reward.Tick> ticks = agent.rewardTicks();
        OptionalDouble pre = Reward.pre(ticks, r.decidedAt(), r.onset());
        OptionalDouble post = Reward.post(ticks, r.executedAt(), notification);
        boolean confounded = !pre.isEmpty() && !post.isEmpty() && confounded(agent, r, notification);
        Target target = new Target(agent.sessionId, agent.eventId, agent.orgId);
        outbox.later(() -> record(target, r, pre, post, confounded, now));
    }

    /** The session a measurement belongs to, as it was when measured. */
    private record Target(String sessionId, String eventId, @Nullable String orgId) {}

    private void record(
            Target agent,
            SessionAgent.PendingReward r,
            OptionalDouble pre,
            OptionalDouble post,
            boolean confounded,
            Instant now) {
        ContextKey context = ContextKey.parse(r.contextKey());
        Arm arm = Arm.valueOf(r.interventionType());
        ScopeChain scopes = ScopeChain.of(agent.orgId(), agent.eventId());
        if (pre.isEmpty() || post.isEmpty()) {
            if (!r.manual()) {
                counters.increment(scopes, context, arm, ArmCounter.INCOMPLETE);
            }
            if (r.interventionId() != null) {
                interventions.recordMeasurement(
                        r.interventionId(),
                        Map.of("measured_at", Timestamps.format(now)),
                        InterventionStatus.MEASUREMENT_INCOMPLETE);
            }
            return;
        }
        double delta = post.getAsDouble() - pre.getAsDouble();
        OptionalDouble holdoutMean = r.holdout()
                ? OptionalDouble.empty()
                : learning.holdoutBaseline(agent.eventId(), agent.orgId(), r.contextKey(), context.anomalyType())
                        .mean();
        Double uplift = holdoutMean.isPresent() ? delta - holdoutMean.getAsDouble() : null;
        double effective = uplift != null ? uplift : delta;
        double reward = Reward.v2(effective);
        boolean success = Reward.success(effective);
        metrics.rewarded(InterventionType.valueOf(arm.name()), reward, success);
        if (r.holdout()) {
            Decision d = java.util.Objects.requireNonNull(r.decision());
            outbox.store(
                    () -> {
                        learning.holdoutCase(
                                d.id().toString(),
                                agent.eventId(),
                                agent.orgId(),
                                r.contextKey(),
                                context.anomalyType(),
                                delta,
                                now);
                        holdouts.recorded(r.contextKey(), context.anomalyType());
                    },
                    List.of(messages.reward(
                            agent.sessionId(), data(r, pre, post, delta, reward, success, false), now)));
            return;
        }
        if (confounded) {
            counters.increment(scopes, context, arm, ArmCounter.CONFOUNDED);
        } else if (!r.manual() && r.delivered()) {
            policy.recordReward(scopes, context, arm, reward);
        }
        Map<String, Object> data = data(r, pre, post, delta, reward, success, confounded);
        data.put("uplift", uplift);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("success", success);
        outcome.put("engagement_before", pre.getAsDouble());
        outcome.put("pre_engagement", pre.getAsDouble());
        outcome.put("engagement_after", post.getAsDouble());
        outcome.put("post_engagement", post.getAsDouble());
        outcome.put("engagement_delta", delta);
        outcome.put("reward", reward);
        outcome.put("uplift", uplift);
        outcome.put("holdout_mean", holdoutMean.isPresent() ? holdoutMean.getAsDouble() : null);
        outcome.put("confounded", confounded);
        outcome.put("measured_at", Timestamps.format(now));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("intervention_id", String.valueOf(r.interventionId()));
        extra.put("decision_id", r.decision() == null ? null : r.decision().id().toString());
        extra.put("reward", reward);
        extra.put("expected_engagement", r.expectedDetection());
        extra.put("deviation", pre.getAsDouble() - r.expectedDetection());
        extra.put("trend_reversed", data.get("trend_reversed"));
        extra.put("holdout", false);
        extra.put("uplift", uplift);
        extra.put("confounded", confounded);
        Double confidence = r.decision() == null ? null : r.decision().posteriorMean();
        outbox.store(
                () -> learning.performance(
                        now, agent.sessionId(), r.interventionType(), success, delta, confidence, extra),
                List.of(messages.reward(agent.sessionId(), data, now)));
        if (r.interventionId() != null) {
            interventions.recordMeasurement(r.interventionId(), outcome, InterventionStatus.MEASURED);
        }
    }

    /** Another intervention of the session executed in (t_d − 30 s, t_x + 75 s] (+150 s for notifications, R7.3). */
    private static boolean confounded(SessionAgent agent, SessionAgent.PendingReward r, boolean notification) {
        Instant from = r.decidedAt().minusSeconds(30);
        Instant to = Reward.postEnd(r.executedAt(), notification);
        long others = agent.executions.stream()
                .filter(t -> t.isAfter(from) && !t.isAfter(to))
                .count();
        return others > (r.holdout() ? 0 : 1);
    }

    private static Map<String, Object> data(
            SessionAgent.PendingReward r,
            OptionalDouble pre,
            OptionalDouble post,
            double delta,
            double reward,
            boolean success,
            boolean confounded) {
        double preDeviation = pre.getAsDouble() - r.expectedDetection();
        double postDeviation = post.getAsDouble() - r.expectedDetection();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "intervention_id",
                r.interventionId() == null ? null : r.interventionId().toString());
        m.put("pre_engagement", pre.getAsDouble());
        m.put("post_engagement", post.getAsDouble());
        m.put("expected_engagement", r.expectedDetection());
        m.put("pre_deviation", preDeviation);
        m.put("post_deviation", postDeviation);
        m.put("trend_reversed", postDeviation > preDeviation);
        m.put("reward", reward);
        m.put("delta", delta);
        m.put("decision_id", r.decision() == null ? null : r.decision().id().toString());
        m.put("uplift", null);
        m.put("success", success);
        m.put("holdout", r.holdout());
        m.put("confounded", confounded);
        return m;
    }
}

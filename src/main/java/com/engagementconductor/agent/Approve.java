package com.engagementconductor.agent;

import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.decision.ArmCounters;
import com.engagementconductor.decision.CounterValues;
import com.engagementconductor.decision.PolicyChoice;
import com.engagementconductor.decision.Scope;
import com.engagementconductor.scoring.EngagementCategory;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.Uuids;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Approve: the gate of R5.5 and the holdout of R5.6 turn a proposal into a decision, which is stored and then
 * published (a pending one supersedes the session's earlier pending decision first, R5.7). On an approval pass
 * the organizer has already approved it.
 */
@Component
class Approve implements AgentStep {
    private final DecisionRecords records;
    private final ArmCounters counters;
    private final ContentFactory content;
    private final StatusOwner status;
    private final PendingContents contents;
    private final ContentArrivals arrivals;
    private final RandomGenerator ids;
    private final long holdoutSeed;
    private final Map<String, SplittableRandom> holdoutDraws = new ConcurrentHashMap<>();

    Approve(
            DecisionRecords records,
            ArmCounters counters,
            ContentFactory content,
            StatusOwner status,
            PendingContents contents,
            ContentArrivals arrivals,
            @Qualifier("decisionIds") RandomGenerator ids,
            @org.springframework.beans.factory.annotation.Value("${conductor.agent.holdout-seed:1}") long holdoutSeed) {
        this.records = records;
        this.counters = counters;
        this.content = content;
        this.status = status;
        this.contents = contents;
        this.arrivals = arrivals;
        this.ids = ids;
        this.holdoutSeed = holdoutSeed;
    }

    @Override
    public AgentPass.StepName name() {
        return AgentPass.StepName.APPROVE;
    }

    @Override
    public void run(AgentPass pass) {
        AgentPass.Proposal proposal = pass.proposal;
        if (proposal == null) {
            return;
        }
        SessionAgent agent = pass.agent;
        PolicyChoice.Intervene choice = proposal.choice();
        EventSettings settings = proposal.settings();
        boolean auto =
                switch (agent.mode) {
                    case AUTO -> true;
                    case SEMI_AUTO -> round9(choice.posteriorMean()) >= round9(settings.autoApproveThreshold());
                    case MANUAL -> false;
                };
        boolean holdout =
                auto && settings.holdoutFraction() > 0 && holdoutDraw(agent.eventId) < settings.holdoutFraction();
        Resolution born = holdout ? Resolution.HOLDOUT : (auto ? Resolution.AUTO_APPROVED : Resolution.PENDING);
        AnomalyReport r = proposal.anomaly().report;
        InterventionType type = InterventionType.valueOf(choice.arm().name());
        CounterValues acceptance = counters.read(Scope.event(agent.eventId), proposal.context(), choice.arm());
        long asked = acceptance.get(com.engagementconductor.decision.ArmCounter.ACCEPTED)
                + acceptance.get(com.engagementconductor.decision.ArmCounter.REJECTED)
                + acceptance.get(com.engagementconductor.decision.ArmCounter.EXPIRED);
        String reasoning = Reasoning.of(
                r.type().name(),
                r.severity().name(),
                r.currentEngagement(),
                r.expectedEngagement(),
                proposal.context().deviation().wireName(),
                choice.arm().name(),
                choice.posteriorMean(),
                choice.totalAttempts(),
                choice.probabilityBest(),
                choice.isExploring(),
                acceptance.get(com.engagementconductor.decision.ArmCounter.ACCEPTED),
                asked);
        Instant expires = born == Resolution.PENDING ? pass.now.plusSeconds(settings.approvalTimeoutSeconds()) : null;
        Decision d = new Decision(
                Uuids.random(ids),
                agent.sessionId,
                agent.eventId,
                pass.now,
                expires,
                type,
                proposal.context().value(),
                choice.posteriorMean(),
                choice.probabilityBest(),
                reasoning,
                r.anomalyId(),
                born);
        ContentFactory.Prepared generation = null;
        if (!holdout && content.generated()) {
            // the model chain runs off the lane; the decision is published now with contentPreview null (R5.11)
            generation = content.prepare(
                    agent,
                    type,
                    r.type().name(),
                    r.severity().name(),
                    r.currentEngagement(),
                    proposal.anomaly().onset,
                    pass.now);
        } else if (!holdout) {
            Produced produced = content.produceNow(
                    agent,
                    type,
                    r.type().name(),
                    r.severity().name(),
                    r.currentEngagement(),
                    proposal.anomaly().onset,
                    pass.now);
            d.content(produced.content().preview());
            contents.put(d.id(), produced);
        }
        Decision previous = agent.pending;
        if (previous != null) {
            agent.pending = null;
            records.resolveLater(previous, Resolution.SUPERSEDED, pass.now, "system", null);
            previous.resolve(Resolution.SUPERSEDED, pass.now, "system", null);
            contents.remove(previous.id());
        }
        Map<String, Object> published = payload(d, choice, proposal, acceptance.organizerAcceptance());
        records.created(d, published);
        pass.decision = d;
        if (generation != null) {
            contents.generating(d.id(), published);
            content.generate(agent, generation, (a, produced) -> arrivals.arrived(a, d, produced));
        }
        if (born == Resolution.PENDING) {
            agent.pending = d;
            agent.pendingPayload = published;
            status.enter(agent, AgentStatus.WAITING_APPROVAL, pass.now);
        } else if (holdout) {
            agent.rewards.add(new SessionAgent.PendingReward(
                    null,
                    d,
                    d.contextKey(),
                    type.name(),
                    d.createdAt(),
                    d.createdAt(),
                    proposal.anomaly().onset,
                    proposal.anomaly().expectedDetection,
                    false,
                    true,
                    false));
            status.settle(agent, pass.now);
        }
    }

    private Map<String, Object> payload(
            Decision d, PolicyChoice.Intervene choice, AgentPass.Proposal p, double acceptance) {
        AnomalyReport r = p.anomaly().report;
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("engagement_bucket", p.context().engagement().wireName());
        context.put("session_size_bucket", p.context().size().wireName());
        context.put("anomaly_type", r.type().name());
        context.put("deviation_bucket", p.context().deviation().wireName());
        context.put("anomalyType", r.type().name());
        context.put("severity", r.severity().name());
        context.put(
                "engagementLevel", EngagementCategory.of(r.currentEngagement()).name());
        context.put("sessionSize", p.context().size().wireName());
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("expected_engagement", r.expectedEngagement());
        trend.put("deviation", r.deviation());
        trend.put("current_engagement", r.currentEngagement());
        trend.put("signed_deviation", r.signedDeviation());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisionId", d.id().toString());
        m.put("sessionId", d.sessionId());
        m.put("interventionType", d.type().name());
        m.put("confidence", d.posteriorMean());
        m.put("posteriorMean", d.posteriorMean());
        m.put("probabilityBest", d.probabilityBest());
        m.put("reasoning", d.reasoning());
        m.put("context", context);
        m.put("trendData", trend);
        m.put("historicalPerformance", choice.historicalPerformance());
        m.put("organizerAcceptance", acceptance);
        m.put("anomalyId", d.anomalyId() == null ? null : d.anomalyId().toString());
        m.put("posteriors", choice.posteriorsPayload());
        m.put("autoApproved", d.autoApproved());
        m.put("expiresAt", d.expiresAt() == null ? null : Timestamps.format(d.expiresAt()));
        m.put("contentPreview", d.content());
        m.put("timestamp", Timestamps.format(d.createdAt()));
        return m;
    }

    /** The event's next holdout draw u in [0, 1), from a generator seeded per event (R5.6). */
    double holdoutDraw(String eventId) {
        SplittableRandom r =
                holdoutDraws.computeIfAbsent(eventId, e -> new SplittableRandom(holdoutSeed ^ e.hashCode()));
        synchronized (r) {
            return r.nextDouble();
        }
    }

    private static double round9(double v) {
        return BigDecimal.valueOf(v).setScale(9, RoundingMode.HALF_UP).doubleValue();
    }
}

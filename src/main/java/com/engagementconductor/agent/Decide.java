package com.engagementconductor.agent;

import com.engagementconductor.anomaly.AnomalyEvents.AnomalyDetected;
import com.engagementconductor.anomaly.AnomalyNotes;
import com.engagementconductor.anomaly.AnomalyReport;
import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.DecisionRequest;
import com.engagementconductor.decision.InterventionPolicy;
import com.engagementconductor.decision.PolicyChoice;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.shared.InterventionType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decide (R5.3, R5.4): on a raised anomaly or a follow-up, reads the event settings, checks the rate limits,
 * builds the context and the eligible arms, and lets the bandit choose; or records why it skipped.
 */
@Component
class Decide implements AgentStep {
    private static final Logger log = LoggerFactory.getLogger(Decide.class);
    private static final Duration REFERENCE_WINDOW = Duration.ofSeconds(150);

    private final EventSettingsService settings;
    private final InterventionLimits limits;
    private final InterventionPolicy policy;
    private final StatusOwner status;
    private final MeterRegistry meters;
    private final HoldoutPresence holdouts;
    private final AnomalyNotes notes;

    Decide(
            EventSettingsService settings,
            InterventionLimits limits,
            InterventionPolicy policy,
            StatusOwner status,
            MeterRegistry meters,
            HoldoutPresence holdouts,
            AnomalyNotes notes) {
        this.holdouts = holdouts;
        this.notes = notes;
        this.settings = settings;
        this.limits = limits;
        this.policy = policy;
        this.status = status;
        this.meters = meters;
    }

    @Override
    public AgentPass.StepName name() {
        return AgentPass.StepName.DECIDE;
    }

    @Override
    public void run(AgentPass pass) {
        SessionAgent agent = pass.agent;
        if (pass.trigger == AgentPass.Trigger.ANOMALY) {
            AnomalyDetected detected = java.util.Objects.requireNonNull(pass.anomaly);
            AnomalyReport r = detected.report();
            double fallback = agent.ticks.isEmpty()
                    ? r.expectedEngagement()
                    : agent.ticks.peekLast().detection();
            agent.anomaly = new SessionAgent.ActiveAnomaly(
                    r,
                    r.timestamp(),
                    agent.meanDetection(r.timestamp(), REFERENCE_WINDOW, fallback),
                    detected.signals());
        } else if (pass.trigger != AgentPass.Trigger.FOLLOW_UP) {
            return;
        }
        SessionAgent.ActiveAnomaly anomaly = agent.anomaly;
        if (anomaly == null || anomaly.decisions >= SessionAgent.MAX_DECISIONS_PER_ANOMALY) {
            return;
        }
        status.enter(agent, AgentStatus.ANOMALY_DETECTED, pass.now);
        EventSettings event = settings.effective(agent.eventId);
        if (!event.agentEnabled()) {
            skip(pass, "AGENT_DISABLED");
            return;
        }
        if (limits.rateBlock(agent.sessionId, agent.eventId, event.maxInterventionsPerHour(), pass.now)
                .isPresent()) {
            skip(pass, "RATE_LIMITED");
            return;
        }
        AnomalyReport r = anomaly.report;
        ContextKey context = ContextKey.of(
                r.type().name(),
                r.currentEngagement(),
                anomaly.signals.connectedUsers(),
                r.deviation(),
                r.expectedEngagement() > 0 ? r.expectedEngagement() : null);
        PolicyChoice choice = policy.decide(new DecisionRequest(
                ScopeChain.of(agent.orgId, agent.eventId),
                context,
                arms(event.allowed()),
                cooldowns(agent.sessionId, pass.now),
                holdouts.exists(agent.eventId, agent.orgId, context.value(), context.anomalyType()),
                event.minConfidenceThreshold()));
        if (choice instanceof PolicyChoice.Intervene intervene) {
            anomaly.decisions++;
            pass.proposal = new AgentPass.Proposal(intervene, context, event, anomaly);
        } else {
            skip(pass, "NO_ELIGIBLE_ARM");
        }
    }

    private Map<Arm, Duration> cooldowns(String sessionId, Instant now) {
        Map<Arm, Duration> out = new EnumMap<>(Arm.class);
        for (InterventionType t : limits.inCooldown(sessionId, now)) {
            out.put(Arm.valueOf(t.name()), Duration.ofSeconds(1));
        }
        return out;
    }

    static Set<Arm> arms(Set<InterventionType> types) {
        Set<Arm> arms = EnumSet.noneOf(Arm.class);
        types.forEach(t -> arms.add(Arm.valueOf(t.name())));
        return arms;
    }

    private void skip(AgentPass pass, String reason) {
        meters.counter("conductor.decisions.skipped", "reason", reason).increment();
        SessionAgent.ActiveAnomaly a = pass.agent.anomaly;
        if (a != null) {
            notes.decisionSkipped(a.report.anomalyId(), reason, pass.now);
        }
        log.info("session {}: decision skipped ({})", pass.agent.sessionId, reason);
        status.settle(pass.agent, pass.now);
    }
}

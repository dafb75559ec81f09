package com.engagementconductor.agent;

import com.engagementconductor.content.PromptFacts;
import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmCounter;
import com.engagementconductor.decision.ArmCounters;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.scoring.EngagementScored;
import com.engagementconductor.signals.SignalsSnapshot;
import org.springframework.stereotype.Component;

/**
 * Perceive: keeps the session's recent ticks, expires an unanswered decision (R5.7), and moves between
 * {@code IDLE} and {@code MONITORING} (R5.2) when nothing else is going on.
 */
@Component
class Perceive implements AgentStep {
    private final EventSettingsService settings;
    private final DecisionRecords records;
    private final ArmCounters counters;
    private final StatusOwner status;

    Perceive(EventSettingsService settings, DecisionRecords records, ArmCounters counters, StatusOwner status) {
        this.settings = settings;
        this.records = records;
        this.counters = counters;
        this.status = status;
    }

    @Override
    public AgentPass.StepName name() {
        return AgentPass.StepName.PERCEIVE;
    }

    @Override
    public void run(AgentPass pass) {
        SessionAgent agent = pass.agent;
        EngagementScored tick = pass.tick;
        if (tick != null) {
            agent.eventId = tick.eventId();
            agent.lastSignals = tick.signals();
            agent.addTick(new SessionAgent.TickPoint(
                    tick.at(), tick.score().detection(), tick.score().published(), tick.fed()));
            SignalsSnapshot s = tick.signals();
            agent.addSignals(new PromptFacts.TickSignals(
                    tick.at(),
                    tick.score().published(),
                    s.connectedUsers(),
                    s.activeUsers(),
                    s.chatMessages(),
                    s.qaQuestions(),
                    s.reactions(),
                    s.pollParticipation(),
                    s.userLeaveRate()));
        }
        Decision pending = agent.pending;
        if (pending != null && pending.expiredAt(pass.now)) {
            agent.pending = null;
            ScopeChain scopes = ScopeChain.of(agent.orgId, agent.eventId);
            records.resolveLater(
                    pending,
                    Resolution.EXPIRED,
                    pass.now,
                    "system",
                    null,
                    () -> counters.increment(
                            scopes,
                            ContextKey.parse(pending.contextKey()),
                            Arm.valueOf(pending.type().name()),
                            ArmCounter.EXPIRED));
            pending.resolve(Resolution.EXPIRED, pass.now, "system", null);
            status.settle(agent, pass.now);
        }
        if (tick == null || pass.trigger != AgentPass.Trigger.TICK) {
            return;
        }
        boolean quiet = agent.status == AgentStatus.IDLE || agent.status == AgentStatus.MONITORING;
        boolean enabled = settings.effective(agent.eventId).agentEnabled();
        if (quiet) {
            status.enter(agent, tick.fed() && enabled ? AgentStatus.MONITORING : AgentStatus.IDLE, pass.now);
        }
    }
}

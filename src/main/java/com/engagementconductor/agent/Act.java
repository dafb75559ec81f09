package com.engagementconductor.agent;

import com.engagementconductor.content.GamificationContent;
import com.engagementconductor.content.InterventionContent;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.intervention.InterventionCommand;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.shared.Uuids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Act: executes an approved or auto-approved decision. The rate-limit slot and the cooldown are taken in the
 * same step as the command is dispatched (R5.10); the command leaves through the outbox with its record.
 */
@Component
class Act implements AgentStep {
    private static final Logger log = LoggerFactory.getLogger(Act.class);

    private final EventSettingsService settings;
    private final InterventionLimits limits;
    private final Interventions interventions;
    private final PendingContents contents;
    private final ContentFactory content;
    private final StatusOwner status;
    private final RandomGenerator ids;
    private final MeterRegistry meters;

    Act(
            EventSettingsService settings,
            InterventionLimits limits,
            Interventions interventions,
            PendingContents contents,
            ContentFactory content,
            StatusOwner status,
            @Qualifier("decisionIds") RandomGenerator ids,
            MeterRegistry meters) {
        this.settings = settings;
        this.limits = limits;
        this.interventions = interventions;
        this.contents = contents;
        this.content = content;
        this.status = status;
        this.ids = ids;
        this.meters = meters;
    }

    @Override
    public AgentPass.StepName name() {
        return AgentPass.StepName.ACT;
    }

    @Override
    public void run(AgentPass pass) {
        Decision d = pass.decision;
        if (d == null || (d.resolution() != Resolution.AUTO_APPROVED && d.resolution() != Resolution.APPROVED)) {
            return;
        }
        SessionAgent agent = pass.agent;
        ContextKey context = ContextKey.parse(d.contextKey());
        String severity =
                agent.anomaly != null ? agent.anomaly.report.severity().name() : "WARNING";
        double score = agent.ticks.isEmpty() ? 0.0 : agent.ticks.peekLast().published();
        long started = System.nanoTime();
        InterventionContent produced = contents.take(d.id())
                .orElseGet(() -> content.produce(
                        agent,
                        d.type(),
                        context.anomalyType(),
                        severity,
                        score,
                        agent.anomaly == null ? null : agent.anomaly.onset,
                        pass.now));
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        EventSettings event = settings.effective(agent.eventId);
        Optional<InterventionLimits.Block> block = limits.tryConsume(
                agent.sessionId,
                agent.eventId,
                d.type(),
                event.allowed(),
                event.maxInterventionsPerHour(),
                pass.now,
                busyUntil(produced, pass.now));
        if (block.isPresent()) {
            meters.counter("conductor.decisions.skipped", "reason", "BLOCKED_AT_EXECUTION")
                    .increment();
            log.info(
                    "session {}: decision {} not executed ({})",
                    agent.sessionId,
                    d.id(),
                    block.get().reason());
            status.settle(agent, pass.now);
            return;
        }
        UUID interventionId = Uuids.random(ids);
        InterventionCommand command = new InterventionCommand(
                interventionId,
                d.id(),
                agent.sessionId,
                agent.eventId,
                d.type(),
                d.posteriorMean(),
                d.reasoning(),
                context.anomalyType(),
                severity,
                produced,
                "template",
                latencyMs,
                false,
                null,
                d.contextKey(),
                null,
                null,
                pass.now);
        if (pass.trigger == AgentPass.Trigger.APPROVAL) {
            interventions.dispatch(command); // the organizer's approval answers once the command is stored
        } else {
            interventions.dispatchLater(command); // the tick does not wait for the database (R5.11)
        }
        pass.interventionId = interventionId;
        agent.intervening = d;
        agent.executions.addLast(pass.now);
        pass.acted = true;
        status.enter(agent, AgentStatus.INTERVENING, pass.now);
    }

    private static @Nullable Instant busyUntil(InterventionContent content, Instant now) {
        if (content instanceof GamificationContent g) {
            return now.plusSeconds(60L * g.durationMinutes());
        }
        return null;
    }
}

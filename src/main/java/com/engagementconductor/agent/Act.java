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
    private final ContentArrivals arrivals;
    private final StatusOwner status;
    private final RandomGenerator ids;
    private final MeterRegistry meters;

    Act(
            EventSettingsService settings,
            InterventionLimits limits,
            Interventions interventions,
            PendingContents contents,
            ContentFactory content,
            ContentArrivals arrivals,
            StatusOwner status,
            @Qualifier("decisionIds") RandomGenerator ids,
            MeterRegistry meters) {
        this.settings = settings;
        this.limits = limits;
        this.interventions = interventions;
        this.contents = contents;
        this.content = content;
        this.arrivals = arrivals;
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
        Produced ready = contents.take(d.id()).orElse(null);
        if (ready == null && content.generated()) {
            // the content is still being generated (or, after a restart, not yet): execute once it exists
            if (!contents.isGenerating(d.id())) {
                contents.generating(d.id(), null);
                content.generate(
                        agent,
                        content.prepare(
                                agent,
                                d.type(),
                                context.anomalyType(),
                                severity,
                                score,
                                agent.anomaly == null ? null : agent.anomaly.onset,
                                pass.now),
                        (a, p) -> arrivals.arrived(a, d, p));
            }
            contents.executeWhenReady(d.id());
            pass.awaitingContent = true;
            agent.intervening = d;
            status.enter(agent, AgentStatus.INTERVENING, pass.now);
            return;
        }
        Produced made = ready != null
                ? ready
                : content.produceNow(
                        agent,
                        d.type(),
                        context.anomalyType(),
                        severity,
                        score,
                        agent.anomaly == null ? null : agent.anomaly.onset,
                        pass.now);
        InterventionContent produced = made.content();
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
            if (agent.intervening == d) {
                agent.intervening = null;
            }
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
                made.method(),
                made.latencyMs(),
                false,
                null,
                d.contextKey(),
                null,
                made.details(),
                pass.now);
        agent.addIntervention(describe(d.type().name(), pass.now, produced));
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

    /** "POLL at 10:05Z: How is the pace?" — what the session saw, for later prompts. */
    static String describe(String type, Instant at, InterventionContent content) {
        Object what =
                content.preview().getOrDefault("question", content.preview().get("message"));
        String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(at);
        return type + " at " + time + (what == null ? "" : ": " + what);
    }

    private static @Nullable Instant busyUntil(InterventionContent content, Instant now) {
        if (content instanceof GamificationContent g) {
            return now.plusSeconds(60L * g.durationMinutes());
        }
        return null;
    }
}

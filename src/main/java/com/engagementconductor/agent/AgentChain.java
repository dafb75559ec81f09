package com.engagementconductor.agent;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a pass through perceive → decide → approve → act → learn and checks the chain's contract: each step runs
 * at most once per pass, in order, and nothing is acted on without an approval or an auto-approval.
 */
@Component
class AgentChain {
    private final List<AgentStep> steps;
    private final ObservationRegistry observations;

    AgentChain(Perceive perceive, Decide decide, Approve approve, Act act, Learn learn) {
        this(perceive, decide, approve, act, learn, ObservationRegistry.NOOP);
    }

    /**
     * With tracing on ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), each step of a pass is a span; without it the steps
     * are not observed at all, so the ticks of thousands of sessions pay nothing for it.
     */
    @Autowired
    AgentChain(
            Perceive perceive,
            Decide decide,
            Approve approve,
            Act act,
            Learn learn,
            ObjectProvider<ObservationRegistry> registry,
            @Value("${conductor.tracing.enabled:false}") boolean tracing) {
        this(
                perceive,
                decide,
                approve,
                act,
                learn,
                tracing ? registry.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP);
    }

    AgentChain(
            Perceive perceive, Decide decide, Approve approve, Act act, Learn learn, ObservationRegistry observations) {
        this.steps = List.of(perceive, decide, approve, act, learn);
        this.observations = observations;
    }

    void run(AgentPass pass) {
        MDC.put("session_id", pass.agent.sessionId);
        try {
            runSteps(pass);
        } finally {
            MDC.remove("session_id");
            MDC.remove("decision_id");
        }
    }

    private void runSteps(AgentPass pass) {
        for (AgentStep step : steps) {
            Decision current = pass.decision;
            if (current != null) {
                MDC.put("decision_id", current.id().toString());
            }
            if (!pass.ran.add(step.name())) {
                throw new IllegalStateException(step.name() + " ran twice in one pass");
            }
            if (observations.isNoop()) {
                step.run(pass);
            } else {
                Observation.createNotStarted("conductor.agent.step", observations)
                        .contextualName("agent " + step.name().name().toLowerCase(java.util.Locale.ROOT))
                        .lowCardinalityKeyValue("step", step.name().name())
                        .lowCardinalityKeyValue("trigger", pass.trigger.name())
                        .highCardinalityKeyValue("session_id", pass.agent.sessionId)
                        .observe(() -> step.run(pass));
            }
            if (step.name() == AgentPass.StepName.ACT && pass.acted) {
                Decision d = pass.decision;
                if (d == null
                        || (d.resolution() != Resolution.AUTO_APPROVED && d.resolution() != Resolution.APPROVED)) {
                    throw new IllegalStateException(
                            "acted without an approval: " + (d == null ? "no decision" : d.resolution()));
                }
            }
        }
    }
}

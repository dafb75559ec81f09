package com.engagementconductor.agent;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs a pass through perceive → decide → approve → act → learn and checks the chain's contract: each step runs
 * at most once per pass, in order, and nothing is acted on without an approval or an auto-approval.
 */
@Component
class AgentChain {
    private final List<AgentStep> steps;

    AgentChain(Perceive perceive, Decide decide, Approve approve, Act act, Learn learn) {
        this.steps = List.of(perceive, decide, approve, act, learn);
    }

    void run(AgentPass pass) {
        for (AgentStep step : steps) {
            if (!pass.ran.add(step.name())) {
                throw new IllegalStateException(step.name() + " ran twice in one pass");
            }
            step.run(pass);
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

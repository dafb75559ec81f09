package com.engagementconductor.agent;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The only writer of a session's status (R5.1): a status is published when it is entered, not again while it
 * stays, and republished with the new mode on every mode change.
 */
@Component
class StatusOwner {
    private final AgentMessages messages;

    StatusOwner(AgentMessages messages) {
        this.messages = messages;
    }

    void enter(SessionAgent agent, AgentStatus status, Instant now) {
        if (agent.status == status && agent.statusPublished) {
            return;
        }
        agent.status = status;
        agent.statusPublished = true;
        messages.status(agent.sessionId, status, agent.mode, now);
    }

    void modeChanged(SessionAgent agent, AgentMode mode, Instant now) {
        agent.mode = mode;
        agent.statusPublished = true;
        messages.status(agent.sessionId, agent.status, mode, now);
    }

    /** Back to watching, unless something is still in flight. */
    void settle(SessionAgent agent, Instant now) {
        if (agent.pending != null) {
            enter(agent, AgentStatus.WAITING_APPROVAL, now);
        } else if (agent.intervening != null) {
            enter(agent, AgentStatus.INTERVENING, now);
        } else if (agent.rewards.stream().anyMatch(r -> r.delivered() && !r.holdout())) {
            enter(agent, AgentStatus.LEARNING, now);
        } else {
            enter(agent, AgentStatus.MONITORING, now);
        }
    }
}

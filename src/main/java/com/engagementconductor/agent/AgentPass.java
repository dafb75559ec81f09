package com.engagementconductor.agent;

import com.engagementconductor.anomaly.AnomalyEvents.AnomalyDetected;
import com.engagementconductor.scoring.EngagementScored;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One pass of a session's agent through the chain, on the session's lane: what triggered it, and what each
 * step found or did, so later steps and the chain's contract checks can see it.
 */
final class AgentPass {
    /** What started the pass. */
    enum Trigger {
        TICK,
        ANOMALY,
        FOLLOW_UP,
        APPROVAL,
        /** Generated content arrived for a decision that is to execute once it exists. */
        CONTENT_READY
    }

    /** The steps of the chain, in order. */
    enum StepName {
        PERCEIVE,
        DECIDE,
        APPROVE,
        ACT,
        LEARN
    }

    final SessionAgent agent;
    final Instant now;
    final Trigger trigger;
    final @Nullable EngagementScored tick;
    final @Nullable AnomalyDetected anomaly;
    /** Set by Decide: the arm chosen for the active anomaly and the facts behind it; Approve turns it into a decision. */
    @Nullable
    Proposal proposal;
    /** Set by Approve (a new decision) or given (an approval pass). */
    @Nullable
    Decision decision;
    /** The person who approved, on an approval pass. */
    @Nullable
    String approvedBy;

    boolean acted;
    /** Act found the content still being generated; the decision executes once it exists. */
    boolean awaitingContent;
    /** The intervention Act dispatched, if any. */
    java.util.@Nullable UUID interventionId;

    final Set<StepName> ran = EnumSet.noneOf(StepName.class);

    /** What Decide chose, before the approval gate. */
    record Proposal(
            com.engagementconductor.decision.PolicyChoice.Intervene choice,
            com.engagementconductor.decision.ContextKey context,
            EventSettings settings,
            SessionAgent.ActiveAnomaly anomaly) {}

    AgentPass(
            SessionAgent agent,
            Instant now,
            Trigger trigger,
            @Nullable EngagementScored tick,
            @Nullable AnomalyDetected anomaly) {
        this.agent = agent;
        this.now = now;
        this.trigger = trigger;
        this.tick = tick;
        this.anomaly = anomaly;
    }
}

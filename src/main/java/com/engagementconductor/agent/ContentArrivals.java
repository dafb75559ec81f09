package com.engagementconductor.agent;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Generated content arriving on the session's lane for a decision (R5.11): it is stored with the decision, the
 * decision is published again with its {@code contentPreview}, and a decision already approved or auto-approved
 * executes at once. Content for a decision resolved meanwhile (superseded, rejected, expired, cancelled) is dropped.
 */
@Component
class ContentArrivals {
    private final PendingContents contents;
    private final DecisionRecords records;
    private final ObjectProvider<AgentChain> chain;
    private final InstantSource clock;

    ContentArrivals(
            PendingContents contents, DecisionRecords records, ObjectProvider<AgentChain> chain, InstantSource clock) {
        this.contents = contents;
        this.records = records;
        this.chain = chain;
        this.clock = clock;
    }

    void arrived(SessionAgent agent, Decision d, Produced produced) {
        boolean approved = d.resolution() == Resolution.APPROVED || d.resolution() == Resolution.AUTO_APPROVED;
        if (!approved && !d.resolution().pending()) {
            contents.remove(d.id()); // expired, superseded, rejected or cancelled meanwhile
            return;
        }
        Optional<PendingContents.Slot> slot = contents.arrived(d.id(), produced);
        if (slot.isEmpty()) {
            return;
        }
        d.content(produced.content().preview());
        Map<String, Object> payload = slot.get().payload;
        Map<String, Object> updated = null;
        if (payload != null) {
            updated = new LinkedHashMap<>(payload);
            updated.put("contentPreview", d.content());
            if (agent.pending == d) {
                agent.pendingPayload = updated;
            }
        }
        records.contentReady(d, updated, clock.instant());
        if (slot.get().executeWhenReady && approved) {
            AgentPass pass = new AgentPass(agent, clock.instant(), AgentPass.Trigger.CONTENT_READY, null, null);
            pass.decision = d;
            chain.getObject().run(pass);
        }
    }
}

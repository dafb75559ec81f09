package com.engagementconductor.agent;

import com.engagementconductor.content.InterventionContent;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The content produced for decisions not yet executed, so an approval executes what the organizer saw. */
@Component
class PendingContents {
    private final ConcurrentHashMap<UUID, InterventionContent> contents = new ConcurrentHashMap<>();

    void put(UUID decisionId, InterventionContent content) {
        contents.put(decisionId, content);
    }

    Optional<InterventionContent> take(UUID decisionId) {
        return Optional.ofNullable(contents.remove(decisionId));
    }

    void remove(UUID decisionId) {
        contents.remove(decisionId);
    }
}

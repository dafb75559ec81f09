package com.engagementconductor.agent;

import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.InvalidInput;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.Sessions;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reads and updates event settings with the ownership rules of contracts §3.4: an event belongs to the
 * organization of its settings row, else of its claimed sessions; an unowned event is claimed by the first
 * organizer who writes its settings, together with its unclaimed sessions. The agent reads settings through a
 * cache that updates invalidate.
 */
@Service
public class EventSettingsService {
    private final EventSettingsStore store;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final ConcurrentHashMap<String, EventSettings> cache = new ConcurrentHashMap<>();

    EventSettingsService(EventSettingsStore store, Sessions sessions, ApplicationEventPublisher events) {
        this.store = store;
        this.sessions = sessions;
        this.events = events;
    }

    /** An event's settings changed; listeners apply them from the next tick. */
    public record EventSettingsChanged(EventSettings settings) {}

    /** The settings the agent uses (stored, else defaults), cached. */
    public EventSettings effective(String eventId) {
        return cache.computeIfAbsent(eventId, id -> store.find(id).orElseGet(() -> EventSettings.defaults(id, null)));
    }

    /** READ for an organizer: the settings or the defaults. */
    public EventSettings read(Caller caller, String eventId) {
        Optional<EventSettings> stored = store.find(eventId);
        String owner = owner(eventId, stored.orElse(null));
        if (owner != null && !caller.owns(owner)) {
            throw new AccessDenied("event " + eventId + " belongs to another organization");
        }
        return stored.orElseGet(() -> EventSettings.defaults(eventId, owner));
    }

    /** WRITE: applies a partial update, claiming an unowned event for the caller. */
    public synchronized EventSettings update(Caller caller, String eventId, SettingsPatch patch) {
        Optional<EventSettings> stored = store.find(eventId);
        String owner = owner(eventId, stored.orElse(null));
        if (owner != null && !caller.owns(owner)) {
            throw new AccessDenied("event " + eventId + " belongs to another organization");
        }
        String org = owner != null ? owner : caller.orgId();
        EventSettings base = stored.orElseGet(() -> EventSettings.defaults(eventId, org));
        EventSettings next;
        try {
            next = patch.applyTo(withOrg(base, org));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(
                    e.getMessage().startsWith("min_confidence") ? "min_confidence_threshold" : "body", e.getMessage());
        }
        EventSettings saved = store.save(next);
        if (owner == null && org != null) {
            sessions.claimEvent(eventId, org);
        }
        cache.put(eventId, saved);
        events.publishEvent(new EventSettingsChanged(saved));
        return saved;
    }

    private @Nullable String owner(String eventId, @Nullable EventSettings stored) {
        if (stored != null && stored.orgId() != null) {
            return stored.orgId();
        }
        return sessions.orgOfEvent(eventId).orElse(null);
    }

    private static EventSettings withOrg(EventSettings s, @Nullable String org) {
        return new EventSettings(
                s.eventId(),
                org,
                s.agentEnabled(),
                s.agentMode(),
                s.autoApproveThreshold(),
                s.minConfidenceThreshold(),
                s.allowedInterventions(),
                s.maxInterventionsPerHour(),
                s.holdoutFraction(),
                s.approvalTimeoutSeconds(),
                s.notifyOnAnomaly(),
                s.notifyOnIntervention(),
                s.notificationEmails(),
                s.stored(),
                s.createdAt(),
                s.updatedAt());
    }
}

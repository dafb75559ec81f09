package com.engagementconductor.signals;

import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.SessionEvents.SessionEnded;
import com.engagementconductor.signals.SessionEvents.SessionRegistered;
import com.engagementconductor.signals.SessionEvents.SessionReleased;
import com.engagementconductor.signals.SessionProblems.SessionConflict;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The registry of sessions and their ownership (contracts §3.4, §4.3–§4.5): registration, discovery from
 * traffic, ending, and the event id rules of behaviour R1.3. Known sessions are cached in memory.
 */
@Service
public class Sessions {
    public static final String DEFAULT_MODE = "MANUAL";

    private final SessionStore store;
    private final InstantSource clock;
    private final ApplicationEventPublisher events;
    private final ConcurrentHashMap<String, SessionInfo> cache = new ConcurrentHashMap<>();

    Sessions(SessionStore store, InstantSource clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    public Optional<SessionInfo> find(String id) {
        SessionInfo cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SessionInfo> stored = store.find(id);
        stored.ifPresent(s -> cache.putIfAbsent(id, s));
        return stored;
    }

    /** What a registration did. */
    public record Registration(SessionInfo session, boolean created) {}

    /** Registers a session, or re-registers it idempotently (contracts §4.3). */
    public synchronized Registration register(
            Caller caller,
            String sessionId,
            String eventId,
            @Nullable String bodyOrg,
            @Nullable String title,
            @Nullable String topic,
            @Nullable String metadata) {
        if (bodyOrg != null && !bodyOrg.equals(caller.orgId()) && !caller.platformAdmin()) {
            throw new AccessDenied("org_id " + bodyOrg + " is not the caller's organization");
        }
        String owner = bodyOrg != null ? bodyOrg : caller.orgId();
        Optional<SessionInfo> existing = find(sessionId);
        if (existing.isEmpty()) {
            Optional<SessionStore.EventOwnership> settings = store.eventSettings(eventId);
            String eventOrg = settings.map(SessionStore.EventOwnership::orgId).orElse(null);
            if (eventOrg != null && !eventOrg.equals(owner) && !caller.platformAdmin()) {
                throw new AccessDenied("event " + eventId + " belongs to another organization");
            }
            String mode = settings.map(SessionStore.EventOwnership::agentMode).orElse(DEFAULT_MODE);
            SessionInfo created = new SessionInfo(
                    sessionId, eventId, owner, title, topic, metadata, mode, "IDLE", false, clock.instant(), null);
            store.insert(created);
            cache.put(sessionId, created);
            events.publishEvent(new SessionRegistered(sessionId, eventId, created.createdAt()));
            return new Registration(created, true);
        }
        SessionInfo s = existing.get();
        if (s.orgId() != null && !caller.owns(s.orgId())) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
        if (!s.eventId().equals(eventId)) {
            if (!s.eventProvisional()) {
                throw new SessionConflict(sessionId, s.eventId(), eventId);
            }
            s = s.withEvent(eventId, false);
        }
        String org = s.orgId() == null || (caller.platformAdmin() && bodyOrg != null) ? owner : s.orgId();
        SessionInfo updated = withOrg(s.reopened(title, topic, metadata), org);
        boolean reopened = !s.active();
        store.update(updated);
        cache.put(sessionId, updated);
        if (reopened) {
            events.publishEvent(new SessionRegistered(sessionId, updated.eventId(), clock.instant()));
        }
        return new Registration(updated, false);
    }

    /**
     * A session first seen on a signal stream (contracts §3.4 rule 3): created with the signal's event id (or a
     * provisional one), the organization and mode of that event's settings row, else unclaimed and MANUAL.
     */
    public synchronized SessionInfo discover(String sessionId, @Nullable String signalEventId) {
        Optional<SessionInfo> existing = find(sessionId);
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean usable = usableEventId(sessionId, signalEventId);
        String eventId = usable ? Objects.requireNonNull(signalEventId) : derivedEventId(sessionId);
        Optional<SessionStore.EventOwnership> settings = store.eventSettings(eventId);
        SessionInfo created = new SessionInfo(
                sessionId,
                eventId,
                settings.map(SessionStore.EventOwnership::orgId).orElse(null),
                null,
                null,
                null,
                settings.map(SessionStore.EventOwnership::agentMode).orElse(DEFAULT_MODE),
                "IDLE",
                !usable,
                clock.instant(),
                null);
        store.insert(created);
        cache.put(sessionId, created);
        events.publishEvent(new SessionRegistered(sessionId, eventId, created.createdAt()));
        return created;
    }

    /** Applies a signal's event id to a session whose event id is provisional (R1.3); a known one never changes. */
    public void observeEventId(String sessionId, @Nullable String signalEventId) {
        SessionInfo s = cache.get(sessionId);
        if (s == null || !s.eventProvisional() || !usableEventId(sessionId, signalEventId)) {
            return;
        }
        synchronized (this) {
            SessionInfo current = cache.get(sessionId);
            if (current != null && current.eventProvisional()) {
                SessionInfo updated = current.withEvent(Objects.requireNonNull(signalEventId), false);
                store.update(updated);
                cache.put(sessionId, updated);
            }
        }
    }

    /** Ends a session (contracts §4.4). Unknown sessions are ignored (idempotent). */
    public synchronized Optional<SessionInfo> end(Caller caller, String sessionId) {
        Optional<SessionInfo> existing = find(sessionId);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        SessionInfo s = existing.get();
        if (!caller.owns(s.orgId())) {
            throw new AccessDenied("session " + sessionId + " belongs to another organization");
        }
        if (!s.active()) {
            return Optional.of(s);
        }
        SessionInfo ended = s.ended(clock.instant());
        store.update(ended);
        cache.put(sessionId, ended);
        events.publishEvent(new SessionEnded(sessionId, Objects.requireNonNull(ended.endedAt())));
        return Optional.of(ended);
    }

    public SessionStore.Page list(
            Caller caller,
            @Nullable String orgFilter,
            @Nullable String eventId,
            @Nullable Boolean active,
            int limit,
            int offset) {
        if (caller.platformAdmin()) {
            return store.list(orgFilter, orgFilter == null, eventId, active, limit, offset);
        }
        return store.list(caller.orgId(), false, eventId, active, limit, offset);
    }

    /**
     * Sets a session's mode (contracts §4.1). An unknown session is created in the caller's organization with the
     * given event id, else a provisional one derived from the session id.
     */
    public synchronized SessionInfo setMode(Caller caller, String sessionId, @Nullable String eventId, String mode) {
        Optional<SessionInfo> existing = find(sessionId);
        SessionInfo s;
        if (existing.isEmpty()) {
            boolean provisional = eventId == null;
            s = new SessionInfo(
                    sessionId,
                    provisional ? derivedEventId(sessionId) : eventId,
                    caller.orgId(),
                    null,
                    null,
                    null,
                    mode,
                    "IDLE",
                    provisional,
                    clock.instant(),
                    null);
            store.insert(s);
            cache.put(sessionId, s);
            events.publishEvent(new SessionRegistered(sessionId, s.eventId(), s.createdAt()));
        } else {
            SessionInfo current = existing.get();
            if (!caller.owns(current.orgId()) && current.orgId() != null) {
                throw new AccessDenied("session " + sessionId + " belongs to another organization");
            }
            String org = current.orgId() == null ? caller.orgId() : current.orgId();
            s = new SessionInfo(
                    current.id(),
                    current.eventId(),
                    org,
                    current.title(),
                    current.topic(),
                    current.metadata(),
                    mode,
                    current.status(),
                    current.eventProvisional(),
                    current.createdAt(),
                    current.endedAt());
            store.update(s);
            cache.put(sessionId, s);
        }
        events.publishEvent(new SessionEvents.SessionModeChanged(sessionId, mode, clock.instant()));
        return s;
    }

    /** The organization owning an event through its sessions, if any session of it is claimed. */
    public Optional<String> orgOfEvent(String eventId) {
        return store.orgOfEvent(eventId);
    }

    /** Gives the unclaimed sessions of an event to an organization (contracts §3.4 rule 4). */
    public synchronized void claimEvent(String eventId, String orgId) {
        if (store.claimEvent(eventId, orgId) > 0) {
            cache.values().removeIf(s -> s.eventId().equals(eventId) && s.orgId() == null);
        }
    }

    /** Sessions to resume after a restart. */
    public List<SessionInfo> unended() {
        return store.unended();
    }

    /** A session that stopped being live leaves the cache; it is read from the store again when needed (D44). */
    @EventListener
    synchronized void on(SessionReleased released) {
        cache.remove(released.sessionId());
    }

    /** Whether a signal's event id may set a session's event (R1.3). */
    static boolean usableEventId(String sessionId, @Nullable String eventId) {
        return eventId != null
                && !eventId.isBlank()
                && !eventId.equals("unknown")
                && !eventId.equals(sessionId)
                && eventId.length() <= 255;
    }

    /** The prior derivation of an event id from a session id (contracts §4.1). */
    public static String derivedEventId(String sessionId) {
        if (sessionId.startsWith("event_")) {
            String rest = sessionId.substring("event_".length());
            int last = rest.lastIndexOf('_');
            return last > 0 ? rest.substring(0, last) : rest;
        }
        if (sessionId.startsWith("evt_") && sessionId.length() > 4) {
            return sessionId.substring(4);
        }
        return sessionId;
    }

    private static SessionInfo withOrg(SessionInfo s, @Nullable String org) {
        return new SessionInfo(
                s.id(),
                s.eventId(),
                org,
                s.title(),
                s.topic(),
                s.metadata(),
                s.mode(),
                s.status(),
                s.eventProvisional(),
                s.createdAt(),
                s.endedAt());
    }
}

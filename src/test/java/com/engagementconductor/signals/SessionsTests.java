package com.engagementconductor.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementconductor.shared.AccessDenied;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.support.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SessionsTests {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final FakeStore store = new FakeStore();
    private final List<Object> published = new ArrayList<>();
    private final Sessions sessions = new Sessions(store, clock, published::add);
    private final Caller organizer = caller("org_a", false);

    private static Caller caller(@Nullable String org, boolean admin) {
        return new Caller("user", org, Set.of("event:manage"), admin, Instant.MAX);
    }

    @Test
    void derivedEventIdsFollowThePriorRule() {
        assertThat(Sessions.derivedEventId("event_conf_2026_room1")).isEqualTo("conf_2026");
        assertThat(Sessions.derivedEventId("event_keynote")).isEqualTo("keynote");
        assertThat(Sessions.derivedEventId("evt_42")).isEqualTo("42");
        assertThat(Sessions.derivedEventId("sess_42")).isEqualTo("sess_42");
    }

    @Test
    void aDiscoveredSessionTakesTheFirstUsableEventIdAndKeepsIt() {
        SessionInfo s = sessions.discover("sess_9", "unknown");
        assertThat(s.eventProvisional()).isTrue();
        assertThat(s.orgId()).isNull();
        assertThat(s.mode()).isEqualTo("MANUAL");
        sessions.observeEventId("sess_9", "sess_9");
        sessions.observeEventId("sess_9", "unknown");
        assertThat(sessions.find("sess_9").orElseThrow().eventProvisional()).isTrue();
        sessions.observeEventId("sess_9", "evt_real");
        sessions.observeEventId("sess_9", "evt_later");
        SessionInfo after = sessions.find("sess_9").orElseThrow();
        assertThat(after.eventId()).isEqualTo("evt_real");
        assertThat(after.eventProvisional()).isFalse();
    }

    @Test
    void aDiscoveredSessionTakesItsEventsOrganizationAndMode() {
        store.settings.put("evt_owned", new SessionStore.EventOwnership("org_a", "AUTO"));
        SessionInfo s = sessions.discover("sess_7", "evt_owned");
        assertThat(s.orgId()).isEqualTo("org_a");
        assertThat(s.mode()).isEqualTo("AUTO");
        assertThat(s.eventProvisional()).isFalse();
    }

    @Test
    void anUnclaimedSessionIsClaimedByTheFirstOrganizerRegistration() {
        sessions.discover("sess_u", "evt_u");
        Sessions.Registration r = sessions.register(organizer, "sess_u", "evt_u", null, "Keynote", null, null);
        assertThat(r.created()).isFalse();
        assertThat(r.session().orgId()).isEqualTo("org_a");
        assertThat(r.session().title()).isEqualTo("Keynote");
        assertThatThrownBy(() -> sessions.register(caller("org_b", false), "sess_u", "evt_u", null, null, null, null))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void aBodyOrganizationOtherThanTheCallersNeedsAPlatformAdmin() {
        assertThatThrownBy(() -> sessions.register(organizer, "s1", "e1", "org_b", null, null, null))
                .isInstanceOf(AccessDenied.class);
        Sessions.Registration r = sessions.register(caller(null, true), "s1", "e1", "org_b", null, null, null);
        assertThat(r.session().orgId()).isEqualTo("org_b");
    }

    @Test
    void reRegistrationReopensAnEndedSessionAndKeepsItsMode() {
        store.settings.put("e2", new SessionStore.EventOwnership("org_a", "SEMI_AUTO"));
        sessions.register(organizer, "s2", "e2", null, null, null, null);
        sessions.end(organizer, "s2");
        assertThat(sessions.find("s2").orElseThrow().active()).isFalse();
        Sessions.Registration again = sessions.register(organizer, "s2", "e2", null, null, "Topic", null);
        assertThat(again.session().active()).isTrue();
        assertThat(again.session().mode()).isEqualTo("SEMI_AUTO");
        assertThat(again.session().topic()).isEqualTo("Topic");
        assertThat(published).hasAtLeastOneElementOfType(SessionEvents.SessionEnded.class);
    }

    /** An in-memory session store. */
    static final class FakeStore implements SessionStore {
        final Map<String, SessionInfo> rows = new HashMap<>();
        final Map<String, EventOwnership> settings = new HashMap<>();

        @Override
        public Optional<SessionInfo> find(String id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public void insert(SessionInfo session) {
            if (rows.putIfAbsent(session.id(), session) != null) {
                throw new IllegalStateException("duplicate " + session.id());
            }
        }

        @Override
        public void update(SessionInfo session) {
            rows.put(session.id(), session);
        }

        @Override
        public Optional<EventOwnership> eventSettings(String eventId) {
            return Optional.ofNullable(settings.get(eventId));
        }

        @Override
        public Page list(
                @Nullable String orgId,
                boolean allOrgs,
                @Nullable String eventId,
                @Nullable Boolean active,
                int limit,
                int offset) {
            List<SessionInfo> all = rows.values().stream()
                    .filter(s -> allOrgs || java.util.Objects.equals(s.orgId(), orgId))
                    .toList();
            return new Page(all.size(), all);
        }

        @Override
        public Optional<String> orgOfEvent(String eventId) {
            return rows.values().stream()
                    .filter(s -> s.eventId().equals(eventId) && s.orgId() != null)
                    .map(SessionInfo::orgId)
                    .findFirst();
        }

        @Override
        public int claimEvent(String eventId, String orgId) {
            int n = 0;
            for (SessionInfo s : List.copyOf(rows.values())) {
                if (s.eventId().equals(eventId) && s.orgId() == null) {
                    rows.put(
                            s.id(),
                            new SessionInfo(
                                    s.id(),
                                    s.eventId(),
                                    orgId,
                                    s.title(),
                                    s.topic(),
                                    s.metadata(),
                                    s.mode(),
                                    s.status(),
                                    s.eventProvisional(),
                                    s.createdAt(),
                                    s.endedAt()));
                    n++;
                }
            }
            return n;
        }

        @Override
        public List<SessionInfo> unended() {
            return rows.values().stream().filter(SessionInfo::active).toList();
        }
    }
}

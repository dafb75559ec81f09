package com.engagementconductor.intervention.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementconductor.intervention.AttendeeActivities;
import com.engagementconductor.intervention.BusRecorder;
import com.engagementconductor.intervention.ExpectedCommands;
import com.engagementconductor.intervention.Fixtures;
import com.engagementconductor.intervention.InterventionCommand;
import com.engagementconductor.intervention.InterventionRecord;
import com.engagementconductor.intervention.InterventionStatus;
import com.engagementconductor.intervention.InterventionTestConfiguration;
import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.intervention.TestAudience;
import com.engagementconductor.intervention.VoteResult;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.Topics;
import com.engagementconductor.shared.bus.InProcessEventBus;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The built-in executor on the in-process bus: commands on the stream, attendee-room events, polls and outcomes. */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "spring.datasource.url=jdbc:h2:mem:builtin_executor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@Import({ConductorTestConfiguration.class, InterventionTestConfiguration.class})
class BuiltinExecutorTests {
    private static final String OUTCOMES = InterventionTopics.OUTCOMES;

    @Autowired
    Interventions interventions;

    @Autowired
    BuiltinExecutor executor;

    @Autowired
    AttendeeActivities activities;

    @Autowired
    TestAudience audience;

    @Autowired
    EventBus bus;

    @Autowired
    InProcessEventBus inProcessBus;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    private BusRecorder record() {
        return new BusRecorder(
                bus,
                InterventionTopics.COMMANDS_STREAM,
                InterventionTopics.COMMANDS_CHANNEL,
                OUTCOMES,
                Topics.SIGNALS,
                "conductor:attendee:*",
                "session:*:events");
    }

    private JsonNode outcome(BusRecorder rec, InterventionCommand c) {
        return json.readTree(
                rec.await(OUTCOMES, c.interventionId().toString(), 1).get(0));
    }

    private List<JsonNode> room(BusRecorder rec, String sessionId) {
        return rec.payloads(InterventionTopics.attendee(sessionId)).stream()
                .map(json::readTree)
                .toList();
    }

    private InterventionRecord awaitStatus(UUID id, InterventionStatus status) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> interventions.find(id).orElseThrow().status() == status);
        return interventions.find(id).orElseThrow();
    }

    @Test
    void eachCommandTypeGoesOnTheStreamAsContracted() {
        String s = Fixtures.session("stream");
        Instant at = clock.instant();
        InterventionCommand poll = Fixtures.poll(s, at);
        InterventionCommand broadcast = Fixtures.manualBroadcast(s, at);
        InterventionCommand notification = Fixtures.notification(s, at);
        InterventionCommand challenge = Fixtures.challenge(s, at);
        InterventionCommand boost = Fixtures.boost(s, at);
        try (BusRecorder rec = record()) {
            for (InterventionCommand c : List.of(poll, broadcast, notification, challenge, boost)) {
                interventions.dispatch(c);
            }
            assertThat(rec.await(InterventionTopics.COMMANDS_STREAM, s, 5))
                    .containsExactly(
                            ExpectedCommands.poll(poll),
                            ExpectedCommands.manualBroadcast(broadcast),
                            ExpectedCommands.notification(notification),
                            ExpectedCommands.challenge(challenge),
                            ExpectedCommands.boost(boost));
            rec.await(OUTCOMES, s, 5);
            inProcessBus.drain(2000);
            assertThat(rec.payloads(InterventionTopics.COMMANDS_CHANNEL, s)).isEmpty();
        }
        assertThat(interventions.commandTopic()).isEqualTo("agent.interventions.v1");
    }

    @Test
    void aPollOpensTakesOneVotePerUserClosesWithResultsAndIsRecorded() {
        String s = Fixtures.session("poll");
        audience.set(s, 3);
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        String pollId = "agent-poll-" + c.interventionId();
        try (BusRecorder rec = record()) {
            Instant opened = clock.instant();
            interventions.dispatch(c);
            JsonNode report = outcome(rec, c);
            assertThat(json.writeValueAsString(report))
                    .isEqualTo("{\"success\":true,\"intervention_id\":\"" + c.interventionId() + "\",\"session_id\":\""
                            + s + "\",\"event_id\":\"evt_7\",\"result\":{\"poll_id\":\"" + pollId
                            + "\",\"question\":\"How is the pace right now?\",\"options_count\":3},\"error\":null,"
                            + "\"timestamp\":\"" + Timestamps.format(opened) + "\",\"delivered_to\":3,"
                            + "\"executor\":\"conductor\"}");
            List<JsonNode> room = room(rec, s);
            assertThat(room)
                    .extracting(n -> n.path("event").asString())
                    .containsExactly("poll.opened", "agent:intervention:banner");
            assertThat(json.writeValueAsString(room.get(0).path("data")))
                    .isEqualTo("{\"sessionId\":\"" + s + "\",\"poll\":{\"id\":\"" + pollId
                            + "\",\"question\":\"How is the pace right now?\",\"options\":[{\"id\":\"1\",\"text\":"
                            + "\"Too fast\"},{\"id\":\"2\",\"text\":\"About right\"},{\"id\":\"3\",\"text\":\"Too slow\"}],"
                            + "\"durationSeconds\":60,\"opensAt\":\"" + Timestamps.format(opened) + "\",\"closesAt\":\""
                            + Timestamps.format(opened.plusSeconds(60)) + "\"}}");
            assertThat(json.writeValueAsString(room.get(1).path("data")))
                    .isEqualTo("{\"type\":\"poll\",\"interventionId\":\"" + c.interventionId() + "\",\"sessionId\":\""
                            + s + "\",\"eventId\":\"evt_7\",\"title\":\"New Poll!\",\"message\":\"How is the pace right"
                            + " now?\",\"icon\":\"chart\",\"timestamp\":\"" + Timestamps.format(opened) + "\"}");
            assertThat(rec.payloads(Topics.SIGNALS, s))
                    .containsExactly("{\"sessionId\":\"" + s + "\",\"source\":\"socket\",\"signals\":[{\"type\":"
                            + "\"poll_opened\",\"user_id\":\"conductor-agent\",\"poll_id\":\"" + pollId + "\"}]}");
            assertThat(activities.activePoll(s))
                    .hasValueSatisfying(p -> assertThat(p).containsEntry("id", pollId));

            assertThat(activities.vote(s, pollId, "u1", "2")).isEqualTo(VoteResult.ACCEPTED);
            assertThat(activities.vote(s, pollId, "u1", "1")).isEqualTo(VoteResult.ALREADY_VOTED);
            assertThat(activities.vote(s, pollId, "u2", "9")).isEqualTo(VoteResult.INVALID_OPTION);
            assertThat(activities.vote(s, pollId, "u2", "3")).isEqualTo(VoteResult.ACCEPTED);
            assertThat(activities.vote(s, "agent-poll-" + UUID.randomUUID(), "u3", "1"))
                    .isEqualTo(VoteResult.UNKNOWN_POLL);
            assertThat(activities.vote("other_session", pollId, "u3", "1")).isEqualTo(VoteResult.UNKNOWN_POLL);
            rec.awaitMatching(Topics.SIGNALS, p -> p.contains("\"user_id\":\"u2\""));
            assertThat(rec.payloads(Topics.SIGNALS, "poll_vote"))
                    .containsExactly(
                            "{\"sessionId\":\"" + s + "\",\"source\":\"socket\",\"signals\":[{\"type\":\"poll_vote\","
                                    + "\"user_id\":\"u1\",\"poll_id\":\"" + pollId + "\",\"option_id\":\"2\"}]}",
                            "{\"sessionId\":\"" + s + "\",\"source\":\"socket\",\"signals\":[{\"type\":\"poll_vote\","
                                    + "\"user_id\":\"u2\",\"poll_id\":\"" + pollId + "\",\"option_id\":\"3\"}]}");
            bus.publish(
                    Topics.SIGNALS,
                    "{\"sessionId\":\"" + s + "\",\"source\":\"simulation\",\"signals\":[{\"type\":\"poll_vote\","
                            + "\"user_id\":\"sim_1\",\"poll_id\":\"" + pollId + "\",\"option_id\":\"2\"},{\"type\":"
                            + "\"poll_vote\",\"user_id\":\"u1\",\"poll_id\":\"" + pollId + "\",\"option_id\":\"1\"}]}");
            // handlers run in subscription order, so the executor has counted the batch once the recorder has it
            rec.awaitMatching(Topics.SIGNALS, p -> p.contains("sim_1"));

            awaitStatus(c.interventionId(), InterventionStatus.EXECUTED);
            clock.advance(Duration.ofSeconds(60));
            executor.closeDue(clock.instant());
            assertThat(activities.vote(s, pollId, "u4", "1")).isEqualTo(VoteResult.POLL_CLOSED);
            assertThat(activities.activePoll(s)).isEmpty();
            String closed = rec.awaitMatching(InterventionTopics.attendee(s), p -> p.contains("poll.closed"));
            assertThat(closed)
                    .isEqualTo("{\"event\":\"poll.closed\",\"data\":{\"sessionId\":\"" + s + "\",\"pollId\":\"" + pollId
                            + "\",\"results\":[{\"optionId\":\"1\",\"votes\":0},{\"optionId\":\"2\",\"votes\":2},"
                            + "{\"optionId\":\"3\",\"votes\":1}]}}");
            rec.awaitMatching(Topics.SIGNALS, p -> p.contains("poll_closed") && p.contains(pollId));
            executor.closeDue(clock.advance(Duration.ofSeconds(1)));
            inProcessBus.drain(2000);
            assertThat(rec.payloads(InterventionTopics.attendee(s), "poll.closed"))
                    .hasSize(1);

            String executed = rec.await(
                            Topics.sessionEvents(s), c.interventionId().toString(), 1)
                    .get(0);
            JsonNode data = json.readTree(executed).path("data");
            assertThat(data.path("success").asBoolean()).isTrue();
            assertThat(data.path("result").path("poll_id").asString()).isEqualTo(pollId);
        }
        await().until(() ->
                interventions.find(c.interventionId()).orElseThrow().metadata().containsKey("poll_results"));
        assertThat(interventions
                        .find(c.interventionId())
                        .orElseThrow()
                        .metadata()
                        .get("poll_results"))
                .isEqualTo(Map.of(
                        "poll_id",
                        pollId,
                        "opened_at",
                        Timestamps.format(c.timestamp()),
                        "closed_at",
                        Timestamps.format(c.timestamp().plusSeconds(60)),
                        "total_votes",
                        3,
                        "voters",
                        3,
                        "results",
                        List.of(
                                Map.of("option_id", "1", "text", "Too fast", "votes", 0),
                                Map.of("option_id", "2", "text", "About right", "votes", 2),
                                Map.of("option_id", "3", "text", "Too slow", "votes", 1))));
    }

    @Test
    void aNewAgentPollClosesTheSessionsPreviousOne() {
        String s = Fixtures.session("replace");
        audience.set(s, 1);
        InterventionCommand first = Fixtures.poll(s, clock.instant());
        InterventionCommand second = Fixtures.poll(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(first);
            outcome(rec, first);
            interventions.dispatch(second);
            outcome(rec, second);
            String closed = rec.awaitMatching(InterventionTopics.attendee(s), p -> p.contains("poll.closed"));
            assertThat(closed).contains("agent-poll-" + first.interventionId());
        }
        assertThat(activities.activePoll(s))
                .hasValueSatisfying(p -> assertThat(p).containsEntry("id", "agent-poll-" + second.interventionId()));
    }

    @Test
    void withoutAudienceAnAttendeeFacingInterventionFailsWithNoAudience() {
        String s = Fixtures.session("nobody");
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            JsonNode report = outcome(rec, c);
            assertThat(report.path("success").asBoolean()).isFalse();
            assertThat(report.path("error").asString()).isEqualTo("no_audience");
            assertThat(report.path("delivered_to").asInt()).isZero();
            assertThat(report.path("executor").asString()).isEqualTo("conductor");
            InterventionRecord r = awaitStatus(c.interventionId(), InterventionStatus.FAILED);
            assertThat(r.outcome()).containsEntry("executed", false).containsEntry("error", "no_audience");
            String executed = rec.await(
                            Topics.sessionEvents(s), c.interventionId().toString(), 1)
                    .get(0);
            assertThat(json.readTree(executed).path("data").path("success").asBoolean())
                    .isFalse();
            inProcessBus.drain(2000);
            assertThat(room(rec, s)).isEmpty();
            assertThat(rec.payloads(Topics.SIGNALS, s)).isEmpty();
        }
        assertThat(activities.activePoll(s)).isEmpty();
    }

    @Test
    void aBroadcastShowsABanner() {
        String s = Fixtures.session("banner");
        audience.set(s, 2);
        InterventionCommand c = Fixtures.manualBroadcast(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            JsonNode report = outcome(rec, c);
            assertThat(json.writeValueAsString(report.path("result")))
                    .isEqualTo("{\"message_preview\":\"Share one question you still have!\",\"delivered\":true}");
            assertThat(report.path("delivered_to").asInt()).isEqualTo(2);
            assertThat(rec.payloads(InterventionTopics.attendee(s)))
                    .containsExactly("{\"event\":\"agent:intervention:banner\",\"data\":{\"type\":\"broadcast\","
                            + "\"interventionId\":\"" + c.interventionId() + "\",\"sessionId\":\"" + s
                            + "\",\"eventId\":\"evt_7\",\"title\":\"Announcement\",\"message\":\"Share one question you"
                            + " still have!\",\"icon\":\"megaphone\",\"timestamp\":\""
                            + Timestamps.format(clock.instant()) + "\"}}");
            String executed = rec.await(
                            Topics.sessionEvents(s), c.interventionId().toString(), 1)
                    .get(0);
            JsonNode data = json.readTree(executed).path("data");
            assertThat(data.path("intervention_type").asString()).isEqualTo("BROADCAST");
            assertThat(data.path("success").asBoolean()).isTrue();
            assertThat(data.path("decision_id").isNull()).isTrue();
        }
    }

    @Test
    void aChallengeStartsAndShowsABanner() {
        String s = Fixtures.session("challenge");
        audience.set(s, 5);
        InterventionCommand c = Fixtures.challenge(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            JsonNode report = outcome(rec, c);
            assertThat(json.writeValueAsString(report.path("result")))
                    .isEqualTo("{\"challenge_id\":\"agent-challenge-" + c.interventionId()
                            + "\",\"challenge_name\":\"Chat Blitz\",\"challenge_type\":\"CHAT_BLITZ\","
                            + "\"duration_minutes\":5,\"started\":true}");
            List<String> room = rec.payloads(InterventionTopics.attendee(s));
            assertThat(room)
                    .containsExactly(
                            "{\"event\":\"challenge.started\",\"data\":{\"sessionId\":\"" + s + "\",\"challenge\":{"
                                    + "\"id\":\"agent-challenge-" + c.interventionId()
                                    + "\",\"template\":\"CHAT_BLITZ\","
                                    + "\"name\":\"Chat Blitz\",\"description\":\"Most messages in 5 minutes wins\","
                                    + "\"durationMinutes\":5,\"rewards\":{\"first\":50,\"second\":30,\"third\":15}}}}",
                            "{\"event\":\"agent:intervention:banner\",\"data\":{\"type\":\"gamification\","
                                    + "\"interventionId\":\"" + c.interventionId() + "\",\"sessionId\":\"" + s
                                    + "\",\"eventId\":\"evt_7\",\"title\":\"Chat Blitz\",\"message\":\"Most messages in 5"
                                    + " minutes wins\",\"icon\":\"trophy\",\"timestamp\":\""
                                    + Timestamps.format(clock.instant()) + "\",\"action\":\"START_CHALLENGE\","
                                    + "\"template\":\"CHAT_BLITZ\"}}");
        }
        assertThat(activities.activeChallenge(s))
                .hasValueSatisfying(ch -> assertThat(ch).containsEntry("template", "CHAT_BLITZ"));
    }

    @Test
    void aPointsBoostShowsABannerOnly() {
        String s = Fixtures.session("boost");
        audience.set(s, 1);
        InterventionCommand c = Fixtures.boost(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            JsonNode report = outcome(rec, c);
            assertThat(json.writeValueAsString(report.path("result")))
                    .isEqualTo("{\"action\":\"POINTS_BOOST\",\"triggered\":true}");
            List<JsonNode> room = room(rec, s);
            assertThat(room).singleElement().satisfies(n -> {
                assertThat(n.path("event").asString()).isEqualTo("agent:intervention:banner");
                assertThat(n.path("data").path("title").asString()).isEqualTo("Points Boost");
                assertThat(n.path("data").path("action").asString()).isEqualTo("POINTS_BOOST");
                assertThat(n.path("data").path("template").isNull()).isTrue();
            });
        }
        assertThat(activities.activeChallenge(s)).isEmpty();
    }

    @Test
    void aNotificationSucceedsWithoutAudienceAndCarriesItsFullContent() {
        String s = Fixtures.session("notify");
        InterventionCommand c = Fixtures.notification(s, clock.instant());
        String content =
                "{\"title\":\"Attention is fading\",\"body\":\"Engagement has declined for 3 min in Keynote.\","
                        + "\"priority\":\"medium\",\"suggested_action\":\"Change the format: a poll, a demo or a short break.\"}";
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            JsonNode report = outcome(rec, c);
            assertThat(report.path("success").asBoolean()).isTrue();
            assertThat(json.writeValueAsString(report.path("result")))
                    .isEqualTo("{\"notification_type\":\"GRADUAL_DECLINE\",\"delivered\":true,\"content\":" + content
                            + "}");
            String executed = rec.await(
                            Topics.sessionEvents(s), c.interventionId().toString(), 1)
                    .get(0);
            assertThat(json.writeValueAsString(
                            json.readTree(executed).path("data").path("result").path("content")))
                    .isEqualTo(content);
            inProcessBus.drain(2000);
            assertThat(room(rec, s)).isEmpty();
        }
        awaitStatus(c.interventionId(), InterventionStatus.EXECUTED);
    }

    @Test
    void aRepeatedCommandIsExecutedOnce() {
        String s = Fixtures.session("twice");
        audience.set(s, 1);
        InterventionCommand c = Fixtures.manualBroadcast(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            String command = rec.await(InterventionTopics.COMMANDS_STREAM, s, 1).get(0);
            outcome(rec, c);
            bus.publish(InterventionTopics.COMMANDS_STREAM, command);
            InterventionCommand marker = Fixtures.manualBroadcast(s, clock.instant());
            interventions.dispatch(marker);
            outcome(rec, marker);
            assertThat(rec.payloads(OUTCOMES, c.interventionId().toString())).hasSize(1);
            assertThat(rec.payloads(
                            InterventionTopics.attendee(s), c.interventionId().toString()))
                    .hasSize(1);
        }
    }
}

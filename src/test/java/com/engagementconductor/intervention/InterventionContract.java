package com.engagementconductor.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.InterventionType;
import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.shared.Topics;
import com.engagementconductor.shared.bus.InProcessEventBus;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records, outbox and outcome recording against a real database, run on H2 ({@link InterventionsH2Tests}) and
 * PostgreSQL ({@link InterventionsPostgresIT}). The executor is {@code platform}, so the tests play the platform and
 * send the outcome reports themselves.
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.intervention.executor=platform"
        })
@Import({ConductorTestConfiguration.class, InterventionTestConfiguration.class})
abstract class InterventionContract {
    @Autowired
    Interventions interventions;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutcomeRecorder recorder;

    @Autowired
    AttendeeActivities activities;

    @Autowired
    EventBus bus;

    @Autowired
    InProcessEventBus inProcessBus;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ExecutedEvents executed;

    @Autowired
    PlatformTransactionManager transactions;

    private BusRecorder record() {
        return new BusRecorder(
                bus,
                InterventionTopics.COMMANDS_CHANNEL,
                InterventionTopics.COMMANDS_STREAM,
                "session:*:events",
                "conductor:attendee:*");
    }

    private InterventionRecord stored(UUID id) {
        return interventions.find(id).orElseThrow();
    }

    private InterventionRecord awaitStatus(UUID id, InterventionStatus status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(id).status() == status);
        return stored(id);
    }

    @Test
    void eachCommandTypeIsPublishedAsContractedOnThePlatformChannel() {
        try (BusRecorder bus = record()) {
            Instant at = clock.instant();
            String s = Fixtures.session("cmd");
            InterventionCommand poll = Fixtures.poll(s, at);
            InterventionCommand broadcast = Fixtures.manualBroadcast(s, at);
            InterventionCommand notification = Fixtures.notification(s, at);
            InterventionCommand challenge = Fixtures.challenge(s, at);
            InterventionCommand boost = Fixtures.boost(s, at);
            for (InterventionCommand c : List.of(poll, broadcast, notification, challenge, boost)) {
                assertThat(interventions.dispatch(c).status()).isEqualTo(InterventionStatus.DISPATCHED);
            }
            List<String> commands = bus.await(InterventionTopics.COMMANDS_CHANNEL, s, 5);
            assertThat(commands)
                    .containsExactly(
                            ExpectedCommands.poll(poll),
                            ExpectedCommands.manualBroadcast(broadcast),
                            ExpectedCommands.notification(notification),
                            ExpectedCommands.challenge(challenge),
                            ExpectedCommands.boost(boost));
            inProcessBus.drain(2000);
            assertThat(bus.payloads(InterventionTopics.COMMANDS_STREAM, s)).isEmpty();
            assertThat(bus.payloads("conductor:attendee:" + s)).isEmpty();
        }
        assertThat(interventions.commandTopic()).isEqualTo("agent.interventions");
        assertThat(activities.vote("s", "agent-poll-x", "u1", "1")).isEqualTo(VoteResult.UNKNOWN_POLL);
        assertThat(activities.activePoll("s")).isEmpty();
    }

    @Test
    void theRecordKeepsBothSpellingsOfTheMetadata() {
        String s = Fixtures.session("meta");
        InterventionCommand poll = Fixtures.poll(s, clock.instant());
        InterventionCommand manual = Fixtures.manualBroadcast(s, clock.instant().plusMillis(1));
        interventions.dispatch(poll);
        interventions.dispatch(manual);

        InterventionRecord p = stored(poll.interventionId());
        assertThat(p.type()).isEqualTo(InterventionType.POLL);
        assertThat(p.confidence()).isEqualTo(0.58);
        assertThat(p.decisionId()).isEqualTo(poll.decisionId());
        assertThat(p.eventId()).isEqualTo("evt_7");
        assertThat(p.timestamp()).isEqualTo(poll.timestamp());
        assertThat(p.outcome()).isNull();
        assertThat(p.metadata())
                .containsEntry("question", "How is the pace right now?")
                .containsEntry("poll_question", "How is the pace right now?")
                .containsEntry("options", List.of("Too fast", "About right", "Too slow"))
                .containsEntry("poll_options", List.of("Too fast", "About right", "Too slow"))
                .containsEntry("prompt", null)
                .containsEntry("message", null)
                .containsEntry("generation_method", "template")
                .containsEntry("latency_ms", 4)
                .containsEntry("anomaly_type", "SUDDEN_DROP")
                .containsEntry("poll_duration", 60)
                .containsEntry("context_key", "SUDDEN_DROP_low_medium_severe")
                .containsEntry("manual", false);

        InterventionRecord m = stored(manual.interventionId());
        assertThat(m.type()).isEqualTo(InterventionType.BROADCAST);
        assertThat(m.confidence()).isNull();
        assertThat(m.decisionId()).isNull();
        assertThat(m.reasoning()).isEqualTo("=SUM(1,2)");
        assertThat(m.metadata())
                .containsEntry("prompt", "Share one question you still have!")
                .containsEntry("message", "Share one question you still have!")
                .containsEntry("question", null)
                .containsEntry("poll_question", null)
                .containsEntry("manual", true)
                .containsEntry("triggered_by", "user_9")
                .containsEntry("content_source", "provided")
                .containsEntry(
                        "context", Map.of("message", "Share one question you still have!", "note", "from the stage"));
    }

    @Test
    void notificationAndChallengeRecordsKeepTheirContent() {
        String s = Fixtures.session("content");
        InterventionCommand n = Fixtures.notification(s, clock.instant());
        InterventionCommand g = Fixtures.challenge(s, clock.instant());
        interventions.dispatch(n);
        interventions.dispatch(g);
        assertThat(stored(n.interventionId()).metadata())
                .containsEntry("prompt", "Engagement has declined for 3 min in Keynote.")
                .containsEntry(
                        "notification",
                        Map.of(
                                "title", "Attention is fading",
                                "body", "Engagement has declined for 3 min in Keynote.",
                                "priority", "medium",
                                "suggested_action", "Change the format: a poll, a demo or a short break.",
                                "notification_type", "GRADUAL_DECLINE",
                                "target", "organizer",
                                "escalate", false));
        assertThat(stored(g.interventionId()).metadata())
                .containsEntry("prompt", "Most messages in 5 minutes wins")
                .containsEntry(
                        "gamification",
                        Map.of(
                                "action", "START_CHALLENGE",
                                "template", "CHAT_BLITZ",
                                "name", "Chat Blitz",
                                "description", "Most messages in 5 minutes wins",
                                "rewards", Map.of("first", 50, "second", 30, "third", 15),
                                "duration_minutes", 5));
    }

    @Test
    void aFailureAfterTheInsertLeavesNeitherRecordNorCommand() {
        String s = Fixtures.session("fail_me");
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        jdbc.sql("ALTER TABLE outbox ADD CONSTRAINT ck_test_outbox CHECK (payload NOT LIKE '%fail_me%')")
                .update();
        try (BusRecorder bus = record()) {
            assertThatThrownBy(() -> interventions.dispatch(c)).isInstanceOf(DataIntegrityViolationException.class);
            relay.publishPending();
            inProcessBus.drain(2000);
            assertThat(bus.payloads(InterventionTopics.COMMANDS_CHANNEL, s)).isEmpty();
        } finally {
            jdbc.sql("ALTER TABLE outbox DROP CONSTRAINT ck_test_outbox").update();
        }
        assertThat(interventions.find(c.interventionId())).isEmpty();
        assertThat(outboxRows(s)).isZero();
    }

    @Test
    void aRolledBackCallerTransactionTakesRecordAndCommandWithIt() {
        String s = Fixtures.session("rollback");
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    interventions.dispatch(c);
                    assertThat(interventions.find(c.interventionId())).isPresent();
                    throw new IllegalStateException("caller fails after dispatching");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(interventions.find(c.interventionId())).isEmpty();
        assertThat(outboxRows(s)).isZero();
    }

    @Test
    void theRelayPublishesRowsInIdOrderExactlyOnceAndPrunesThemAfter24Hours() {
        String topic = "test.outbox." + UUID.randomUUID();
        List<String> published = new ArrayList<>();
        try (EventBus.Subscription sub = bus.subscribe(topic, (t, p) -> published.add(p))) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                for (int i = 0; i < 30; i++) {
                    outbox.append(topic, "{\"n\":" + i + "}");
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> published.size() >= 30);
            relay.publishPending();
            inProcessBus.drain(2000);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                expected.add("{\"n\":" + i + "}");
            }
            assertThat(published).containsExactlyElementsOf(expected);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE topic = ? AND published_at IS NULL")
                        .param(topic)
                        .query(Long.class)
                        .single())
                .isZero();
        Instant now = clock.instant();
        relay.prune(now.plus(Duration.ofHours(23)));
        assertThat(rowsOnTopic(topic)).isEqualTo(30);
        relay.prune(now.plus(Duration.ofHours(25)));
        assertThat(rowsOnTopic(topic)).isZero();
    }

    @Test
    void theFirstOutcomeWithin30SecondsWinsAndIsAnnouncedOnce() {
        Instant reportedAt;
        String s = Fixtures.session("first");
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        InterventionCommand marker = Fixtures.manualBroadcast(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            interventions.dispatch(marker);
            reportedAt = clock.instant().plusSeconds(1);
            String at = Timestamps.format(reportedAt);
            bus.publish(
                    InterventionTopics.OUTCOMES,
                    Fixtures.report(
                            c,
                            true,
                            "{\"poll_id\":\"p-1\",\"question\":\"How is the pace right now?\",\"options_count\":3}",
                            null,
                            at));
            InterventionRecord r = awaitStatus(c.interventionId(), InterventionStatus.EXECUTED);
            bus.publish(InterventionTopics.OUTCOMES, Fixtures.report(c, false, "null", "late_failure", null));
            bus.publish(InterventionTopics.OUTCOMES, Fixtures.report(marker, true, "null", null, null));
            awaitStatus(marker.interventionId(), InterventionStatus.EXECUTED);
            inProcessBus.drain(2000);

            assertThat(stored(c.interventionId())).isEqualTo(r);
            assertThat(r.outcome())
                    .containsEntry("executed", true)
                    .containsEntry("error", null)
                    .containsEntry("executed_at", at)
                    .containsEntry("success", null)
                    .containsEntry("engagement_after", null)
                    .containsEntry(
                            "result",
                            Map.of("poll_id", "p-1", "question", "How is the pace right now?", "options_count", 3));
            List<String> announced =
                    rec.await(Topics.sessionEvents(s), c.interventionId().toString(), 1);
            assertThat(announced).hasSize(1);
            JsonNode envelope = json.readTree(announced.get(0));
            assertThat(fieldNames(envelope)).containsExactly("type", "session_id", "timestamp", "seq", "data");
            assertThat(envelope.path("type").asString()).isEqualTo("agent.intervention.executed");
            assertThat(envelope.path("session_id").asString()).isEqualTo(s);
            assertThat(envelope.path("timestamp").asString()).endsWith("Z");
            assertThat(envelope.path("seq").isIntegralNumber()).isTrue();
            assertThat(json.writeValueAsString(envelope.path("data")))
                    .isEqualTo("{\"intervention_id\":\"" + c.interventionId()
                            + "\",\"intervention_type\":\"POLL\",\"success\":true,\"result\":{\"poll_id\":\"p-1\","
                            + "\"question\":\"How is the pace right now?\",\"options_count\":3},\"decision_id\":\""
                            + c.decisionId() + "\",\"sessionId\":\"" + s + "\"}");
        }
        assertThat(executed.of(c.interventionId())).singleElement().satisfies(e -> {
            assertThat(e.delivered()).isTrue();
            assertThat(e.error()).isNull();
            assertThat(e.executedAt()).isEqualTo(reportedAt);
            assertThat(e.decisionId()).isEqualTo(c.decisionId());
            assertThat(e.eventId()).isEqualTo("evt_7");
            assertThat(e.type()).isEqualTo(InterventionType.POLL);
        });
    }

    @Test
    void aFailedDeliveryIsRecordedAsFailedWithTheArrivalTimeWhenTheReportHasNone() {
        String s = Fixtures.session("failed");
        InterventionCommand c = Fixtures.manualBroadcast(s, clock.instant());
        interventions.dispatch(c);
        bus.publish(InterventionTopics.OUTCOMES, Fixtures.report(c, false, "null", "no_audience", null));
        InterventionRecord r = awaitStatus(c.interventionId(), InterventionStatus.FAILED);
        assertThat(r.outcome())
                .containsEntry("executed", false)
                .containsEntry("error", "no_audience")
                .containsEntry("executed_at", Timestamps.format(clock.instant()));
        await().until(() -> executed.of(c.interventionId()).size() == 1);
        InterventionExecuted e = executed.of(c.interventionId()).get(0);
        assertThat(e.delivered()).isFalse();
        assertThat(e.unconfirmed()).isFalse();
        assertThat(e.error()).isEqualTo("no_audience");
        assertThat(e.decisionId()).isNull();
    }

    @Test
    void withoutAReportWithin30SecondsTheInterventionIsUnconfirmed() {
        String s = Fixtures.session("unconfirmed");
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        try (BusRecorder rec = record()) {
            interventions.dispatch(c);
            recorder.settle(clock.advance(Duration.ofSeconds(30)));
            assertThat(stored(c.interventionId()).status()).isEqualTo(InterventionStatus.DISPATCHED);
            Instant late = clock.advance(Duration.ofMillis(1));
            bus.publish(InterventionTopics.OUTCOMES, Fixtures.report(c, true, "null", null, null));
            recorder.settle(late);
            InterventionRecord r = awaitStatus(c.interventionId(), InterventionStatus.UNCONFIRMED);
            assertThat(r.outcome())
                    .containsEntry("executed", false)
                    .containsEntry("error", "unconfirmed")
                    .containsEntry("executed_at", null)
                    .containsEntry("result", null);
            String announced = rec.await(
                            Topics.sessionEvents(s), c.interventionId().toString(), 1)
                    .get(0);
            JsonNode data = json.readTree(announced).path("data");
            assertThat(data.path("success").asBoolean()).isFalse();
            assertThat(data.path("result").isNull()).isTrue();
            inProcessBus.drain(2000);
            recorder.settle(clock.advance(Duration.ofSeconds(5)));
            inProcessBus.drain(2000);
            relay.publishPending();
            inProcessBus.drain(2000);
            assertThat(rec.payloads(Topics.sessionEvents(s), c.interventionId().toString()))
                    .hasSize(1);
        }
        await().until(() -> executed.of(c.interventionId()).size() == 1);
        assertThat(executed.of(c.interventionId()).get(0).unconfirmed()).isTrue();
        assertThat(stored(c.interventionId()).status()).isEqualTo(InterventionStatus.UNCONFIRMED);
    }

    @Test
    void deliveryAndMeasurementAreMergedWithoutOverwritingEachOther() {
        String s = Fixtures.session("merge");
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        interventions.dispatch(c);
        String at = Timestamps.format(clock.instant().plusSeconds(1));
        bus.publish(InterventionTopics.OUTCOMES, Fixtures.report(c, true, "{\"poll_id\":\"p\"}", null, at));
        awaitStatus(c.interventionId(), InterventionStatus.EXECUTED);

        Map<String, Object> measurement = new LinkedHashMap<>();
        measurement.put("success", true);
        measurement.put("engagement_before", 0.31);
        measurement.put("post_engagement", 0.52);
        measurement.put("engagement_delta", 0.21);
        measurement.put("reward", 1.0);
        measurement.put("uplift", null);
        measurement.put("holdout_mean", null);
        measurement.put("confounded", false);
        measurement.put("measured_at", Instant.parse("2026-03-01T10:06:00Z"));
        assertThat(interventions.recordMeasurement(c.interventionId(), measurement, InterventionStatus.MEASURED))
                .isTrue();
        InterventionRecord r = stored(c.interventionId());
        assertThat(r.status()).isEqualTo(InterventionStatus.MEASURED);
        assertThat(r.outcome())
                .containsEntry("executed", true)
                .containsEntry("executed_at", at)
                .containsEntry("error", null)
                .containsEntry("result", Map.of("poll_id", "p"))
                .containsEntry("success", true)
                .containsEntry("engagement_before", 0.31)
                .containsEntry("pre_engagement", 0.31)
                .containsEntry("engagement_after", 0.52)
                .containsEntry("post_engagement", 0.52)
                .containsEntry("engagement_delta", 0.21)
                .containsEntry("reward", 1.0)
                .containsEntry("uplift", null)
                .containsEntry("holdout_mean", null)
                .containsEntry("confounded", false)
                .containsEntry("measured_at", "2026-03-01T10:06:00.000Z");

        bus.publish(InterventionTopics.OUTCOMES, Fixtures.report(c, false, "null", "overwrite?", null));
        assertThat(interventions.recordMeasurement(
                        c.interventionId(), Map.of("confounded", true), InterventionStatus.MEASURED))
                .isTrue();
        assertThat(stored(c.interventionId()).outcome())
                .containsEntry("executed", true)
                .containsEntry("error", null)
                .containsEntry("confounded", true)
                .containsEntry("reward", 1.0);
        assertThatThrownBy(() -> interventions.recordMeasurement(
                        c.interventionId(), Map.of("executed", false), InterventionStatus.MEASURED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("executed");
        assertThatThrownBy(() ->
                        interventions.recordMeasurement(c.interventionId(), Map.of(), InterventionStatus.EXECUTED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(interventions.recordMeasurement(UUID.randomUUID(), Map.of(), InterventionStatus.MEASURED))
                .isFalse();
    }

    @Test
    void anIncompleteMeasurementKeepsTheDeliveryKeys() {
        String s = Fixtures.session("incomplete");
        InterventionCommand c = Fixtures.notification(s, clock.instant());
        interventions.dispatch(c);
        bus.publish(InterventionTopics.OUTCOMES, Fixtures.report(c, true, "{\"delivered\":true}", null, null));
        awaitStatus(c.interventionId(), InterventionStatus.EXECUTED);
        interventions.recordMeasurement(
                c.interventionId(),
                Map.of("measured_at", "2026-03-01T10:09:00.000Z"),
                InterventionStatus.MEASUREMENT_INCOMPLETE);
        InterventionRecord r = stored(c.interventionId());
        assertThat(r.status()).isEqualTo(InterventionStatus.MEASUREMENT_INCOMPLETE);
        assertThat(r.outcome())
                .containsEntry("executed", true)
                .containsEntry("result", Map.of("delivered", true))
                .containsEntry("success", null)
                .containsEntry("measured_at", "2026-03-01T10:09:00.000Z");
    }

    @Test
    void pollResultsAreWrittenToTheRecordMetadata() {
        String s = Fixtures.session("results");
        InterventionCommand c = Fixtures.poll(s, clock.instant());
        interventions.dispatch(c);
        Map<String, Object> results = Map.of("poll_id", "agent-poll-" + c.interventionId(), "total_votes", 3);
        assertThat(interventions.recordPollResults(c.interventionId(), results)).isTrue();
        assertThat(stored(c.interventionId()).metadata())
                .containsEntry("poll_results", results)
                .containsEntry("poll_question", "How is the pace right now?");
        assertThat(interventions.recordPollResults(UUID.randomUUID(), results)).isFalse();
    }

    @Test
    void historyAndStatsHaveTheContractedShapes() {
        String empty = Fixtures.session("empty");
        assertThat(json.writeValueAsString(interventions.history(empty, 50, 0).toBody()))
                .isEqualTo("{\"total\":0,\"interventions\":[]}");
        assertThat(json.writeValueAsString(interventions.stats(empty).toBody()))
                .isEqualTo("{\"session_id\":\"" + empty + "\",\"total_interventions\":0,\"by_type\":{},"
                        + "\"success_rate\":0.0,\"avg_confidence\":0.0,\"successful_interventions\":0}");

        String s = Fixtures.session("hist");
        Instant t0 = clock.instant();
        InterventionCommand first = Fixtures.pollWithConfidence(s, t0, 0.58);
        InterventionCommand second = Fixtures.pollWithConfidence(s, t0.plusSeconds(60), 0.7);
        InterventionCommand third = Fixtures.manualBroadcast(s, t0.plusSeconds(120));
        InterventionCommand fourth = Fixtures.notification(s, t0.plusSeconds(180));
        for (InterventionCommand c : List.of(first, second, third, fourth)) {
            interventions.dispatch(c);
        }
        interventions.recordMeasurement(first.interventionId(), Map.of("success", true), InterventionStatus.MEASURED);
        interventions.recordMeasurement(second.interventionId(), Map.of("success", false), InterventionStatus.MEASURED);

        InterventionStats stats = interventions.stats(s);
        assertThat(stats.toBody())
                .containsEntry("total_interventions", 4L)
                .containsEntry("by_type", Map.of("POLL", 2L, "BROADCAST", 1L, "NOTIFICATION", 1L))
                .containsEntry("success_rate", 0.5)
                .containsEntry("avg_confidence", 0.543)
                .containsEntry("successful_interventions", 1L);

        InterventionPage page = interventions.history(s, 2, 1);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.interventions())
                .extracting(InterventionRecord::id)
                .containsExactly(third.interventionId(), second.interventionId());
        JsonNode body = json.readTree(
                json.writeValueAsString(interventions.history(s, 50, 0).toBody()));
        JsonNode newest = body.path("interventions").get(0);
        assertThat(fieldNames(newest))
                .containsExactly(
                        "id",
                        "session_id",
                        "event_id",
                        "timestamp",
                        "type",
                        "confidence",
                        "reasoning",
                        "status",
                        "decision_id",
                        "metadata",
                        "outcome");
        assertThat(newest.path("type").asString()).isEqualTo("NOTIFICATION");
        assertThat(newest.path("outcome").isNull()).isTrue();
        JsonNode manual = body.path("interventions").get(1);
        assertThat(manual.path("confidence").isNull()).isTrue();
        assertThat(manual.path("decision_id").isNull()).isTrue();
        assertThat(manual.path("metadata").path("prompt").asString())
                .isEqualTo(manual.path("metadata").path("message").asString())
                .isEqualTo("Share one question you still have!");
        JsonNode oldest = body.path("interventions").get(3);
        assertThat(oldest.path("timestamp").asString()).isEqualTo(Timestamps.format(t0));
        assertThat(oldest.path("metadata").path("model").asString()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(oldest.path("outcome").path("success").asBoolean()).isTrue();
        assertThat(oldest.path("outcome").has("executed")).isTrue();

        InterventionPage event = interventions.historyForEvent("evt_7", t0.plusSeconds(60), 2);
        assertThat(event.total()).isGreaterThanOrEqualTo(3);
        assertThat(event.interventions()).hasSize(2);
        assertThat(event.interventions().get(0).timestamp())
                .isAfterOrEqualTo(event.interventions().get(1).timestamp());
        assertThat(interventions.historyForEvent("evt_none", t0, 10).toBody())
                .isEqualTo(Map.of("total", 0L, "interventions", List.of()));
        assertThatThrownBy(() -> interventions.history(s, 0, 0))
                .isInstanceOf(com.engagementconductor.shared.InvalidInput.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> interventions.history(s, 10, -1))
                .isInstanceOf(com.engagementconductor.shared.InvalidInput.class)
                .hasMessageContaining("offset");
    }

    private long outboxRows(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?")
                .param("%" + text + "%")
                .query(Long.class)
                .single();
    }

    private long rowsOnTopic(String topic) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE topic = ?")
                .param(topic)
                .query(Long.class)
                .single();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

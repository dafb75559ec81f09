package com.engagementconductor.intervention.builtin;

import com.engagementconductor.intervention.AttendeeActivities;
import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.intervention.VoteResult;
import com.engagementconductor.shared.AttendeeAudience;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Executes intervention commands from {@code agent.interventions.v1} for the attendee room (contracts §8.3): poll →
 * {@code poll.opened}, banner, {@code poll.closed} after its duration; broadcast → banner; gamification →
 * {@code challenge.started} (challenges only) and banner; notification → nothing for attendees. Idempotent on
 * {@code intervention_id}. Reports every execution on {@code platform.agent.intervention-outcomes.v1} with
 * {@code delivered_to} (attendees reached, summed over {@link AttendeeAudience} beans) and {@code executor:
 * "conductor"}; a poll, broadcast or gamification that reaches nobody fails with {@code no_audience}. Commands run,
 * and polls close, on its own thread ({@code conductor-executor}); votes come from gateway threads.
 */
@Component
@ConditionalOnProperty(name = "conductor.intervention.executor", havingValue = "builtin", matchIfMissing = true)
class BuiltinExecutor implements AttendeeActivities, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BuiltinExecutor.class);
    private static final Duration REMEMBER_EXECUTED = Duration.ofHours(1);
    private static final Duration REMEMBER_CLOSED_POLLS = Duration.ofMinutes(10);

    private final EventBus bus;
    private final Interventions interventions;
    private final ObjectProvider<AttendeeAudience> audiences;
    private final InstantSource clock;
    private final JsonMapper json;
    private final AgentPolls polls = new AgentPolls();
    private final RoomPublisher room;
    private final AttendeeCommands commands;
    private final Map<UUID, Instant> executed = new ConcurrentHashMap<>();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private volatile boolean running;

    BuiltinExecutor(
            EventBus bus,
            Interventions interventions,
            ObjectProvider<AttendeeAudience> audiences,
            InstantSource clock,
            JsonMapper json) {
        this.bus = bus;
        this.interventions = interventions;
        this.audiences = audiences;
        this.clock = clock;
        this.json = json;
        this.room = new RoomPublisher(bus, json, clock);
        this.commands = new AttendeeCommands(polls, room, clock, json, this::finish);
    }

    void onCommand(String topic, String payload) {
        worker.execute(() -> execute(payload));
    }

    /** Runs one command; a command whose {@code intervention_id} ran before is ignored. */
    void execute(String payload) {
        JsonNode command;
        UUID id;
        try {
            command = json.readTree(payload);
            id = UUID.fromString(command.path("intervention_id").asString("").trim());
        } catch (RuntimeException e) {
            log.warn("unreadable intervention command ignored: {}", e.toString());
            return;
        }
        if (executed.putIfAbsent(id, clock.instant()) != null) {
            log.debug("intervention {} already executed", id);
            return;
        }
        String sessionId = command.path("session_id").asString("");
        Execution execution;
        try {
            execution = run(id, sessionId, command);
        } catch (RuntimeException e) {
            log.warn("intervention {} failed: {}", id, e.toString());
            execution = Execution.failure("execution_failed");
        }
        room.report(id, sessionId, command.path("event_id").asString(""), execution);
    }

    private Execution run(UUID id, String sessionId, JsonNode command) {
        String type = command.path("type").asString("");
        if (type.equals("agent.intervention.notification")) {
            return commands.notification(command);
        }
        if (!List.of("agent.intervention.poll", "agent.intervention.broadcast", "agent.intervention.gamification")
                .contains(type)) {
            return Execution.failure("unknown_type");
        }
        int audience = audience(sessionId);
        if (audience == 0) {
            return Execution.noAudience();
        }
        return switch (type) {
            case "agent.intervention.poll" -> commands.poll(id, sessionId, command, audience);
            case "agent.intervention.broadcast" -> commands.broadcast(id, sessionId, command, audience);
            default -> commands.gamification(id, sessionId, command, audience);
        };
    }

    /**
     * Closes every agent poll whose duration is over at {@code now}: {@code poll.closed} with the results, a
     * {@code poll_closed} signal, and the results written to the record's {@code metadata.poll_results}.
     *
     * @return how many polls closed
     */
    int closeDue(Instant now) {
        List<AgentPoll> due = polls.closeDue(now);
        due.forEach(this::finish);
        return due.size();
    }

    private void finish(AgentPoll poll) {
        room.room(poll.sessionId, RoomEvents.POLL_CLOSED, RoomEvents.pollClosed(poll));
        room.signal(poll.sessionId, "poll_closed", RoomEvents.AGENT_USER, poll.id, null);
        try {
            interventions.recordPollResults(poll.interventionId, poll.storedResults());
        } catch (RuntimeException e) {
            log.warn("results of poll {} not stored: {}", poll.id, e.toString());
        }
    }

    @Override
    public VoteResult vote(String sessionId, String pollId, String userId, String optionId) {
        VoteResult result = polls.vote(sessionId, pollId, userId, optionId, clock.instant());
        if (result.accepted()) {
            room.signal(sessionId, "poll_vote", userId, pollId, optionId);
        }
        return result;
    }

    @Override
    public Optional<Map<String, Object>> activePoll(String sessionId) {
        return polls.openPoll(sessionId, clock.instant()).map(AgentPoll::toPollObject);
    }

    @Override
    public Optional<Map<String, Object>> activeChallenge(String sessionId) {
        return commands.activeChallenge(sessionId, clock.instant());
    }

    /** Counts votes on agent polls that arrive as signals (simulated attendees), once per user. */
    void onSignals(String topic, String payload) {
        if (!payload.contains(AgentPoll.ID_PREFIX)) {
            return;
        }
        try {
            JsonNode message = json.readTree(payload);
            String sessionId = message.path("sessionId").asString("");
            Instant now = clock.instant();
            for (JsonNode s : message.path("signals")) {
                String pollId = s.path("poll_id").asString("");
                if ("poll_vote".equals(s.path("type").asString("")) && pollId.startsWith(AgentPoll.ID_PREFIX)) {
                    polls.vote(
                            sessionId,
                            pollId,
                            s.path("user_id").asString(""),
                            s.path("option_id").asString(""),
                            now);
                }
            }
        } catch (RuntimeException e) {
            log.debug("signal batch not read for agent polls: {}", e.toString());
        }
    }

    private int audience(String sessionId) {
        int total = 0;
        for (AttendeeAudience a : audiences) {
            try {
                total += Math.max(0, a.reachable(sessionId));
            } catch (RuntimeException e) {
                log.warn("audience {} failed: {}", a.getClass().getSimpleName(), e.toString());
            }
        }
        return total;
    }

    private void sweep() {
        try {
            Instant now = clock.instant();
            closeDue(now);
            polls.forgetClosedBefore(now.minus(REMEMBER_CLOSED_POLLS));
            executed.values().removeIf(at -> at.isBefore(now.minus(REMEMBER_EXECUTED)));
            commands.forgetEndedChallenges(now);
        } catch (RuntimeException e) {
            log.warn("executor sweep: {}", e.toString());
        }
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "conductor-executor");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::sweep, 250, 250, TimeUnit.MILLISECONDS);
        subscriptions.add(bus.subscribe(InterventionTopics.COMMANDS_STREAM, this::onCommand));
        subscriptions.add(bus.subscribe(Topics.SIGNALS, this::onSignals));
        running = true;
    }

    @Override
    public void stop() {
        subscriptions.forEach(EventBus.Subscription::close);
        subscriptions.clear();
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

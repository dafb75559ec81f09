package com.engagementconductor.simulation;

import com.engagementconductor.shared.AttendeeAudience;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.Topics;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs audience simulations at real time (a speed factor compresses simulated seconds into less real time).
 * Each simulated second's events go out on the bus topic {@code conductor:signals}, like any other client's,
 * stamped with their arrival time. It is also the simulated attendees' side of the attendee room (their
 * audience, the agent polls they vote on, the interventions they respond to), which keeps each run's simulator
 * behind one lock and makes the class longer than most.
 */
@Service
public class Simulations implements DisposableBean, AttendeeAudience, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Simulations.class);

    /** The lifecycle of a simulation. */
    public enum State {
        RUNNING,
        COMPLETED,
        STOPPED
    }

    /** What a simulation was asked to do and how far it got. */
    public record View(
            UUID id,
            String sessionId,
            String scenario,
            Instant startedAt,
            int attendees,
            double speed,
            long seed,
            State state,
            @Nullable Instant endedAt,
            double elapsedSeconds,
            long signalsEmitted) {}

    private final class Run {
        final UUID id;
        final String sessionId;
        final AudienceSimulator simulator;
        final int attendees;
        final double speed;
        final long seed;
        final Instant startedAt;
        final @Nullable DemoScript demo;
        volatile State state = State.RUNNING;
        volatile @Nullable Instant endedAt;

        @Nullable
        ScheduledFuture<?> future;

        Run(
                UUID id,
                String sessionId,
                AudienceSimulator simulator,
                int attendees,
                double speed,
                long seed,
                Instant at,
                @Nullable DemoScript demo) {
            this.id = id;
            this.sessionId = sessionId;
            this.simulator = simulator;
            this.attendees = attendees;
            this.speed = speed;
            this.seed = seed;
            this.startedAt = at;
            this.demo = demo;
        }

        View view() {
            synchronized (this) {
                return new View(
                        id,
                        sessionId,
                        simulator.scenario().name(),
                        startedAt,
                        attendees,
                        speed,
                        seed,
                        state,
                        endedAt,
                        simulator.elapsed().toMillis() / 1000.0,
                        simulator.eventsEmitted());
            }
        }
    }

    private static final String ATTENDEE_PREFIX = "conductor:attendee:";

    private final ConcurrentHashMap<UUID, Run> runs = new ConcurrentHashMap<>();
    private EventBus.Subscription subscription = () -> {};
    private volatile boolean lifecycleRunning;
    private final EventBus bus;
    private final InstantSource clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "conductor-simulation");
        t.setDaemon(true);
        return t;
    });

    private final boolean realTime;

    Simulations(
            EventBus bus,
            InstantSource clock,
            JsonMapper json,
            ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${conductor.simulation.real-time:true}")
                    boolean realTime) {
        this.bus = bus;
        this.clock = clock;
        this.json = json;
        this.events = events;
        this.realTime = realTime;
    }

    /**
     * Advances every running simulation by one simulated second now. With {@code conductor.simulation.real-time}
     * false (tests on a hand-moved clock) this is the only way simulations advance.
     */
    public void stepAll() {
        for (Run run : runs.values()) {
            step(run);
        }
    }

    /** Simulated attendees connected to a session's running simulation (they see the attendee room). */
    @Override
    public int reachable(String sessionId) {
        int n = 0;
        for (Run run : runs.values()) {
            if (run.sessionId.equals(sessionId) && run.state == State.RUNNING) {
                synchronized (run) {
                    n += run.simulator.connected();
                }
            }
        }
        return n;
    }

    /**
     * Delivers attendee-room events to the simulated attendees of the session (R8.1): an agent poll opens for them
     * and they vote on it; polls, banners and challenges may win the room back (R8.4).
     */
    void onAttendeeEvent(String topic, String payload) {
        String sessionId = topic.substring(ATTENDEE_PREFIX.length());
        try {
            JsonNode message = json.readTree(payload);
            JsonNode data = message.path("data");
            switch (message.path("event").asString("")) {
                case "poll.opened" -> {
                    JsonNode poll = data.path("poll");
                    String pollId = poll.path("id").asString("");
                    List<String> options = new ArrayList<>();
                    poll.path("options").forEach(o -> options.add(o.path("id").asString()));
                    if (!pollId.isEmpty() && !options.isEmpty()) {
                        forRunningRuns(sessionId, run -> {
                            run.simulator.pollOpened(pollId, options);
                            if (run.demo != null) {
                                run.demo.agentPollExecuted(run.simulator);
                            } else {
                                run.simulator.respond("POLL", clock.instant());
                            }
                        });
                    }
                }
                case "agent:intervention:banner" -> {
                    String type = data.path("type").asString("");
                    if (type.equals("broadcast") || type.equals("gamification")) {
                        String arm = type.equals("broadcast") ? "BROADCAST" : "GAMIFICATION";
                        forRunningRuns(sessionId, run -> {
                            if (run.demo == null) {
                                run.simulator.respond(arm, clock.instant());
                            }
                        });
                    }
                }
                default -> {
                    // poll.closed and challenge.started change nothing for the simulated audience
                }
            }
        } catch (RuntimeException e) {
            log.warn("attendee event for simulation of {} not understood: {}", sessionId, e.toString());
        }
    }

    /** Organizer notifications reach no attendee; the simulated room reacts as the organizer would (R8.4). */
    void onSessionEvent(String topic, String payload) {
        try {
            JsonNode envelope = json.readTree(payload);
            JsonNode data = envelope.path("data");
            if ("agent.intervention.executed".equals(envelope.path("type").asString(""))
                    && "NOTIFICATION".equals(data.path("intervention_type").asString(""))
                    && data.path("success").asBoolean(false)) {
                forRunningRuns(envelope.path("session_id").asString(""), run -> {
                    if (run.demo == null) {
                        run.simulator.respond("NOTIFICATION", clock.instant());
                    }
                });
            }
        } catch (RuntimeException e) {
            log.debug("session event not understood: {}", e.toString());
        }
    }

    private void forRunningRuns(String sessionId, java.util.function.Consumer<Run> action) {
        for (Run run : runs.values()) {
            if (run.sessionId.equals(sessionId) && run.state == State.RUNNING) {
                synchronized (run) {
                    if (run.state == State.RUNNING) {
                        action.accept(run);
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        EventBus.Subscription attendees = bus.subscribe(ATTENDEE_PREFIX + "*", this::onAttendeeEvent);
        EventBus.Subscription sessionEvents = bus.subscribe("session:*:events", this::onSessionEvent);
        subscription = () -> {
            attendees.close();
            sessionEvents.close();
        };
        lifecycleRunning = true;
    }

    @Override
    public void stop() {
        subscription.close();
        lifecycleRunning = false;
    }

    @Override
    public boolean isRunning() {
        return lifecycleRunning;
    }

    /** Whether a simulation is running for the session. */
    public boolean running(String sessionId) {
        return runs.values().stream().anyMatch(r -> r.sessionId.equals(sessionId) && r.state == State.RUNNING);
    }

    /**
     * Starts a simulation; the caller has checked the scenario, ranges and that none runs for the session. The
     * {@code demo} scenario runs with its enthusiastic room and script (R8.5, {@link DemoScript}).
     *
     * @throws IllegalArgumentException for an unknown scenario
     */
    public synchronized View start(String sessionId, String scenarioName, int attendees, double speed, long seed) {
        if (running(sessionId)) {
            throw new IllegalStateException("a simulation is already running for " + sessionId);
        }
        Scenario scenario = Scenario.named(scenarioName);
        boolean demo = Scenario.DEMO.equals(scenarioName);
        Instant now = clock.instant();
        Run run = new Run(
                UUID.randomUUID(),
                sessionId,
                new AudienceSimulator(
                        scenario, attendees, seed, now, demo ? DemoScript.model() : AudienceModel.defaults()),
                attendees,
                speed,
                seed,
                now,
                demo ? new DemoScript() : null);
        runs.put(run.id, run);
        if (realTime) {
            long periodMicros = Math.max(1, Math.round(1_000_000 / speed));
            run.future = timer.scheduleAtFixedRate(() -> step(run), 0, periodMicros, TimeUnit.MICROSECONDS);
        }
        return run.view();
    }

    public Optional<View> find(UUID id) {
        Run run = runs.get(id);
        return run == null ? Optional.empty() : Optional.of(run.view());
    }

    /** Stops a simulation (idempotent); empty when unknown. */
    public Optional<View> stop(UUID id) {
        Run run = runs.get(id);
        if (run == null) {
            return Optional.empty();
        }
        finish(run, State.STOPPED);
        return Optional.of(run.view());
    }

    private void step(Run run) {
        try {
            List<AudienceEvent> batch;
            boolean over;
            synchronized (run) {
                if (run.state != State.RUNNING) {
                    return;
                }
                over = run.simulator.finished() || (run.demo != null && run.demo.over(run.simulator));
                if (over) {
                    batch = List.of();
                } else {
                    if (run.demo != null) {
                        run.demo.beforeStep(run.simulator);
                    }
                    batch = run.simulator.step();
                }
            }
            if (over) {
                finish(run, State.COMPLETED); // outside the run's lock: listeners of SimulationEnded may call back
                return;
            }
            if (!batch.isEmpty()) {
                bus.publish(Topics.SIGNALS, json.writeValueAsString(message(run.sessionId, batch)));
            }
        } catch (RuntimeException e) {
            log.warn("simulation {} failed and stopped: {}", run.id, e.toString());
            finish(run, State.STOPPED);
        }
    }

    private void finish(Run run, State state) {
        boolean ended = false;
        synchronized (run) {
            if (run.state == State.RUNNING) {
                run.state = state;
                run.endedAt = clock.instant();
                ended = true;
            }
        }
        ScheduledFuture<?> f = run.future;
        if (f != null) {
            f.cancel(false);
        }
        if (ended) {
            events.publishEvent(new SimulationEnded(
                    run.id, run.sessionId, run.simulator.scenario().name(), state));
        }
    }

    private static Map<String, Object> message(String sessionId, List<AudienceEvent> events) {
        List<Map<String, Object>> items = new ArrayList<>(events.size());
        for (AudienceEvent e : events) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", e.type());
            item.put("user_id", e.userId());
            if (e.pollId() != null) {
                item.put("poll_id", e.pollId());
            }
            if (e.optionId() != null) {
                item.put("option_id", e.optionId());
            }
            if (AudienceEvent.REACTION.equals(e.type())) {
                item.put("emoji", "\uD83D\uDC4F");
            }
            items.add(item);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionId", sessionId);
        m.put("source", "simulation");
        m.put("signals", items);
        return m;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}

package com.engagementconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementconductor.ConductorApplication;
import com.engagementconductor.intervention.InterventionRecord;
import com.engagementconductor.intervention.InterventionStatus;
import com.engagementconductor.intervention.InterventionTopics;
import com.engagementconductor.intervention.Interventions;
import com.engagementconductor.scoring.EngagementMetrics;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.simulation.Simulations;
import com.engagementconductor.support.LaneTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node stops with one decision waiting for approval and one execution waiting for its reward; the next node on
 * the same database approves the first and measures the second from stored ticks (behaviour R1.11, R5.7, R7.1).
 */
class RestartRecoveryTests {
    private static final Caller ORGANIZER =
            new Caller("user_9", "org_test", Set.of("event:manage"), false, Instant.MAX);

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ConductorApplication.class, LaneTestConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "conductor.security.jwt-secret=" + TestTokens.SECRET,
                        "conductor.scoring.auto-start=false",
                        "conductor.simulation.real-time=false",
                        "conductor.data-dir=" + dir,
                        "spring.datasource.url=jdbc:h2:file:" + dir.resolve("db")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
                .run();
    }

    @Test
    void aPendingDecisionAndAnAwaitedRewardSurviveARestart() throws Exception {
        Instant stoppedAt;
        UUID pending;
        UUID executed;
        try (ConfigurableApplicationContext a = start()) {
            Node node = new Node(a);
            a.getBean(EventSettingsService.class)
                    .update(
                            ORGANIZER,
                            "evt_restart",
                            new SettingsPatch(
                                    null,
                                    null,
                                    null,
                                    null,
                                    java.util.Optional.of(Set.of(com.engagementconductor.shared.InterventionType.POLL)),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null));
            for (String s : List.of("rs_pending", "rs_executed")) {
                node.sessions.setMode(ORGANIZER, s, "evt_restart", "MANUAL");
                node.simulations.start(s, "sudden_drop", 200, 1.0, 3);
            }
            UUID toApprove = null;
            for (int second = 1; second <= 400 && (node.pending("rs_pending") == null || toApprove == null); second++) {
                node.second(List.of("rs_pending", "rs_executed"));
                if (toApprove == null) {
                    toApprove = node.pending("rs_executed");
                }
            }
            pending = node.pending("rs_pending");
            assertThat(pending).as("a decision waits for approval").isNotNull();
            assertThat(toApprove).isNotNull();
            UUID interventionId =
                    node.approvals.approve(ORGANIZER, "rs_executed", toApprove).interventionId();
            assertThat(interventionId).isNotNull();
            executed = interventionId;
            Awaitility.await().until(() -> node.interventions
                    .find(executed)
                    .map(r -> r.status() == InterventionStatus.EXECUTED)
                    .orElse(false));
            for (int second = 0; second < 60; second++) {
                node.second(List.of("rs_pending", "rs_executed"));
            }
            node.metrics.flush();
            stoppedAt = node.clock.instant();
        }
        try (ConfigurableApplicationContext b = start()) {
            Node node = new Node(b);
            node.clock.set(stoppedAt.plusSeconds(5));
            Approvals.Approved approved = node.approvals.approve(ORGANIZER, "rs_pending", pending);
            assertThat(approved.interventionId())
                    .as("the restarted node executes the stored decision")
                    .isNotNull();
            Awaitility.await().until(() -> node.commands.stream().anyMatch(c -> c.contains(pending.toString())));
            for (int second = 0; second < 30; second++) {
                node.second(List.of("rs_executed"));
            }
            Awaitility.await().untilAsserted(() -> {
                InterventionRecord r = node.interventions.find(executed).orElseThrow();
                assertThat(r.status()).isEqualTo(InterventionStatus.MEASURED);
                assertThat(r.outcome()).containsKey("reward").containsKey("executed_at");
            });
            assertThat(node.commands.stream().filter(c -> c.contains(executed.toString())))
                    .isEmpty();
        }
    }

    /** One running node, driven by hand. */
    private static final class Node {
        final MutableClock clock;
        final Sessions sessions;
        final Simulations simulations;
        final Approvals approvals;
        final Interventions interventions;
        final EngagementMetrics metrics;
        final TickScheduler ticks;
        final LaneTestConfiguration.Lane lane;
        final EventBus bus;
        final AgentQueries queries;
        final List<String> commands = new CopyOnWriteArrayList<>();

        Node(ConfigurableApplicationContext c) {
            clock = c.getBean(MutableClock.class);
            sessions = c.getBean(Sessions.class);
            simulations = c.getBean(Simulations.class);
            approvals = c.getBean(Approvals.class);
            interventions = c.getBean(Interventions.class);
            metrics = c.getBean(EngagementMetrics.class);
            ticks = c.getBean(TickScheduler.class);
            lane = c.getBean(LaneTestConfiguration.Lane.class);
            bus = c.getBean(EventBus.class);
            queries = c.getBean(AgentQueries.class);
            bus.subscribe(InterventionTopics.COMMANDS_STREAM, (t, p) -> commands.add(p));
        }

        void second(List<String> sessionIds) throws InterruptedException {
            Instant t = clock.advance(Duration.ofSeconds(1));
            simulations.stepAll();
            barrier();
            if (t.getEpochSecond() % 5 == 0) {
                for (String s : sessionIds) {
                    lane.execute(s, () -> ticks.tick(s, t));
                }
                lane.settle();
                barrier();
            }
        }

        UUID pending(String sessionId) {
            AgentQueries.StatusView v = queries.status(ORGANIZER, sessionId);
            return v.pending() == null ? null : v.pending().id();
        }

        private void barrier() throws InterruptedException {
            CountDownLatch latch = new CountDownLatch(1);
            EventBus.Subscription sub = bus.subscribe("test:barrier", (t, p) -> latch.countDown());
            bus.publish("test:barrier", "x");
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
            sub.close();
        }
    }
}

package com.engagementconductor.bench;

import com.engagementconductor.ConductorApplication;
import com.engagementconductor.anomaly.AnomalyEvents.AnomalyDetected;
import com.engagementconductor.scoring.TickScheduler;
import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.auth.Caller;
import com.engagementconductor.signals.Sessions;
import com.engagementconductor.signals.Signal;
import com.engagementconductor.signals.SignalIngestion;
import com.engagementconductor.signals.SignalType;
import com.engagementconductor.support.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * Anomaly → {@code agent.decision} on the bus, with 10,000 live sessions ticking on the embedded topology
 * (H2, in-process bus, session lanes on every core, template content, AUTO mode). Sessions get steady activity;
 * in rounds, a few hundred of them fall silent and their raised anomalies are timed from the in-process
 * {@code AnomalyDetected} event to the delivery of their {@code agent.decision} envelope.
 * With {@code paced}, ticks run at the product's cadence (every 5 s of wall time, 100 sessions falling silent each
 * tick); without it, back to back as fast as the node can (every minute of session time, 100 fall silent).
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.main=com.engagementconductor.bench.DecisionLatency
 * -Dbench.args="10000 paced"}
 */
public final class DecisionLatency {
    private static final Caller ADMIN = new Caller("bench", "org_bench", Set.of("event:manage"), true, Instant.MAX);
    static final ConcurrentHashMap<String, Long> raisedAt = new ConcurrentHashMap<>();
    static final ConcurrentHashMap<String, Long> publishedAt = new ConcurrentHashMap<>();
    static final ConcurrentHashMap<String, Long> handedOver = new ConcurrentHashMap<>();

    /** Tick at the product's cadence (one tick every 5 s of wall time) instead of back to back. */
    static boolean paced;

    private DecisionLatency() {}

    /** Records when each anomaly was announced in-process. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Probe {
        @Bean
        @Primary
        MutableClock benchClock() {
            return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        }

        /** Notes when each {@code agent.decision} is handed to the bus, to split the latency. */
        @Bean
        static org.springframework.beans.factory.config.BeanPostProcessor publicationProbe() {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof com.engagementconductor.intervention.Outbox outbox) {
                        return new com.engagementconductor.intervention.Outbox() {
                            @Override
                            public void append(String topic, String payload) {
                                outbox.append(topic, payload);
                            }

                            @Override
                            public Stored store(Runnable record, java.util.List<Message> messages) {
                                return outbox.store(record, messages);
                            }

                            @Override
                            public void submit(Runnable record, java.util.List<Message> messages) {
                                messages.stream()
                                        .filter(m -> m.payload().startsWith("{\"type\":\"agent.decision\""))
                                        .findFirst()
                                        .ifPresent(m -> handedOver.putIfAbsent(m.topic(), System.nanoTime()));
                                outbox.submit(record, messages);
                            }

                            @Override
                            public void later(Runnable work) {
                                outbox.later(work);
                            }
                        };
                    }
                    if (!(bean instanceof EventBus bus)) {
                        return bean;
                    }
                    return new EventBus() {
                        @Override
                        public void publish(String topic, String payload) {
                            if (payload.startsWith("{\"type\":\"agent.decision\"")) {
                                publishedAt.putIfAbsent(topic, System.nanoTime());
                            }
                            bus.publish(topic, payload);
                        }

                        @Override
                        public Subscription subscribe(
                                String pattern, java.util.function.BiConsumer<String, String> handler) {
                            return bus.subscribe(pattern, handler);
                        }
                    };
                }
            };
        }

        @EventListener
        void on(AnomalyDetected detected) {
            raisedAt.putIfAbsent(detected.sessionId(), System.nanoTime());
        }
    }

    public static void main(String[] arguments) throws Exception {
        String[] args = String.join(" ", arguments).trim().split("\\s+"); // exec passes "10000 paced" as one
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        paced = args.length > 1 && args[1].equals("paced");
        Path dir = Files.createTempDirectory("conductor-latency");
        try (ConfigurableApplicationContext c = new SpringApplicationBuilder(ConductorApplication.class, Probe.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "conductor.security.jwt-secret=bench-secret-bench-secret-bench-secret",
                        "conductor.scoring.auto-start=false",
                        "conductor.data-dir=" + dir,
                        "logging.level.root=WARN",
                        "spring.datasource.url=jdbc:h2:mem:latency;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                .run()) {
            run(c, sessions);
        }
    }

    private static void run(ConfigurableApplicationContext c, int count) throws Exception {
        MutableClock clock = c.getBean(MutableClock.class);
        Sessions sessions = c.getBean(Sessions.class);
        SignalIngestion ingestion = c.getBean(SignalIngestion.class);
        TickScheduler ticks = c.getBean(TickScheduler.class);
        EventBus bus = c.getBean(EventBus.class);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> toPublish = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> toWriter = new ConcurrentLinkedQueue<>();
        bus.subscribe("session:*:events", (topic, payload) -> {
            if (payload.startsWith("{\"type\":\"agent.decision\"")) {
                String session = topic.substring("session:".length(), topic.length() - ":events".length());
                Long at = raisedAt.remove(session);
                Long published = publishedAt.remove(topic);
                if (at != null) {
                    latencies.add(System.nanoTime() - at);
                    if (published != null) {
                        toPublish.add(published - at);
                    }
                    Long handed = handedOver.remove(topic);
                    if (handed != null) {
                        toWriter.add(handed - at);
                    }
                }
            }
        });
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "lat_" + i;
            sessions.setMode(ADMIN, id, "evt_lat_" + (i % 500), "AUTO");
            ids.add(id);
        }
        for (String id : ids) {
            List<Signal> joins = new ArrayList<>();
            for (int u = 0; u < 10; u++) {
                joins.add(Signal.of(SignalType.JOIN, id, "u" + u, clock.instant()));
            }
            ingestion.offer(id, joins, SignalIngestion.Source.HTTP);
        }
        boolean[] silent = new boolean[count];
        int round = 0;
        int tick = 0;
        long tickNanos = 0;
        long nextTick = System.nanoTime();
        int tickCount = 0;
        while (latencies.size() < 1000 && tick < 400) {
            Instant t = clock.advance(Duration.ofSeconds(5));
            tick++;
            if (tick > 20
                    && (paced || tick % 12 == 0)) { // a new group of 100 falls silent every tick (paced) or minute
                for (int i = 0; i < 100; i++) {
                    silent[(round * 100 + i * 97) % count] = true;
                }
                round++;
            }
            for (int i = 0; i < count; i++) {
                if (silent[i]) {
                    continue;
                }
                String id = ids.get(i);
                List<Signal> activity = new ArrayList<>(3);
                for (int k = 0; k < 3; k++) {
                    activity.add(Signal.of(
                            k == 0 ? SignalType.CHAT : SignalType.REACTION, id, "u" + ((tick + k * 3) % 10), t));
                }
                ingestion.offer(id, activity, SignalIngestion.Source.HTTP);
            }
            if (paced) {
                long wait = nextTick - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                nextTick = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            long start = System.nanoTime();
            ticks.tickAll(t);
            awaitLanes(c);
            tickNanos += System.nanoTime() - start;
            tickCount++;
        }
        TimeUnit.SECONDS.sleep(2);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "sessions=%d%s ticks=%d mean tick pass=%.1f ms decisions timed=%d%n",
                count,
                paced ? " (one tick every 5 s)" : " (ticks back to back)",
                tickCount,
                tickNanos / 1e6 / Math.max(1, tickCount),
                sorted.length);
        if (sorted.length > 0) {
            System.out.printf(
                    "anomaly -> agent.decision: p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
                    pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            long[] part = toPublish.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    "of which anomaly -> handed to the bus: p50=%.2f ms p90=%.2f ms p99=%.2f ms%n",
                    pct(part, 0.50), pct(part, 0.90), pct(part, 0.99));
            part = toWriter.stream().mapToLong(Long::longValue).sorted().toArray();
            if (part.length > 0) {
                System.out.printf(
                        "of which anomaly -> decision handed to the record writer: p50=%.2f ms p90=%.2f ms p99=%.2f ms%n",
                        pct(part, 0.50), pct(part, 0.90), pct(part, 0.99));
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Waits until every lane has run what was queued (one marker task per lane hash bucket). */
    private static void awaitLanes(ConfigurableApplicationContext c) throws InterruptedException {
        com.engagementconductor.shared.SessionLanes lanes =
                c.getBean(com.engagementconductor.shared.SessionLanes.class);
        int n = Runtime.getRuntime().availableProcessors() * 8;
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            lanes.execute("marker-" + i, latch::countDown);
        }
        latch.await(60, TimeUnit.SECONDS);
    }
}

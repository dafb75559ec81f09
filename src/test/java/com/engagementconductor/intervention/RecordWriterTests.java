package com.engagementconductor.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementconductor.shared.EventBus;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agent's records are written by one writer thread, off the session lanes (behaviour R5.11): handing a record
 * over never waits for the database, records are written in the order they were handed over, messages go out
 * only after their record committed, and a refused record publishes nothing.
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.simulation.real-time=false",
            "spring.datasource.url=jdbc:h2:mem:records;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
@Import(RecordWriterTests.Clock.class)
class RecordWriterTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    EventBus bus;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private static Outbox.Message message(String topic, int n) {
        return new Outbox.Message(topic, "{\"n\":" + n + "}");
    }

    private long rows(String topic) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE topic = ?")
                .param(topic)
                .query(Long.class)
                .single();
    }

    @Test
    void handingOverDoesNotWaitAndWritesInOrderBeforePublishing() throws Exception {
        String topic = "test:records:order";
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch databaseSlow = new CountDownLatch(1);
        try (BusRecorder recorder = new BusRecorder(bus, topic)) {
            long before = System.nanoTime();
            outbox.submit(
                    () -> {
                        threads.add(Thread.currentThread().getName());
                        try {
                            assertThat(databaseSlow.await(10, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    List.of(message(topic, 1)));
            outbox.submit(() -> threads.add(Thread.currentThread().getName()), List.of(message(topic, 2)));
            long handOver = System.nanoTime() - before;
            // a waiting writer answers the caller that waits for its own write only after the earlier ones
            CompletableFuture<Outbox.Stored> waiting = CompletableFuture.supplyAsync(
                    () -> outbox.store(() -> threads.add("store"), List.of(message(topic, 3))));

            assertThat(TimeUnit.NANOSECONDS.toSeconds(handOver)).isLessThan(5);
            TimeUnit.MILLISECONDS.sleep(200);
            assertThat(waiting).isNotDone();
            assertThat(rows(topic)).isZero();
            assertThat(recorder.payloads(topic)).isEmpty();

            databaseSlow.countDown();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(Outbox.Stored.WRITTEN);
            assertThat(recorder.await(topic, "", 3)).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        }
        assertThat(threads).containsExactly("conductor-records", "conductor-records", "store");
        assertThat(rows(topic)).isEqualTo(3);
    }

    @Test
    void aRefusedRecordPublishesNothingAndTheWriterGoesOn() {
        String topic = "test:records:refused";
        double refusedBefore = meters.counter("conductor.records.refused").count();
        try (BusRecorder recorder = new BusRecorder(bus, topic)) {
            outbox.submit(
                    () -> {
                        throw new DataIntegrityViolationException("duplicate key (test)");
                    },
                    List.of(message(topic, 1)));
            outbox.submit(() -> {}, List.of(message(topic, 2)));

            assertThat(recorder.await(topic, "", 1)).containsExactly("{\"n\":2}");
        }
        assertThat(rows(topic)).isEqualTo(1);
        assertThat(meters.counter("conductor.records.refused").count()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void aWaitingStoreReportsTheRefusal() {
        String topic = "test:records:refused-sync";
        try (BusRecorder recorder = new BusRecorder(bus, topic)) {
            assertThatThrownBy(() -> outbox.store(
                            () -> {
                                throw new DataIntegrityViolationException("duplicate key (test)");
                            },
                            List.of(message(topic, 1))))
                    .isInstanceOf(DataIntegrityViolationException.class);
            outbox.store(() -> {}, List.of(message(topic, 2)));
            assertThat(recorder.await(topic, "", 1)).containsExactly("{\"n\":2}");
        }
        assertThat(rows(topic)).isEqualTo(1);
    }
}

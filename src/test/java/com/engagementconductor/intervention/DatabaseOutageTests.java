package com.engagementconductor.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.engagementconductor.shared.EventBus;
import com.engagementconductor.shared.bus.InProcessEventBus;
import com.engagementconductor.support.ConductorTestConfiguration;
import com.engagementconductor.support.MutableClock;
import com.engagementconductor.support.TestTokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * While the database is unavailable a dispatched command is still published, at once, and its record waits in a
 * bounded in-memory queue that is written in order, with the outbox rows marked published, once the database is back
 * (contracts §9).
 */
@SpringBootTest(
        properties = {
            "conductor.security.jwt-secret=" + TestTokens.SECRET,
            "conductor.scoring.auto-start=false",
            "conductor.intervention.executor=platform",
            "conductor.intervention.outbox-memory-queue=2",
            "spring.datasource.url=" + DatabaseOutageTests.URL
        })
@Import({ConductorTestConfiguration.class, InterventionTestConfiguration.class, DatabaseOutageTests.Flaky.class})
class DatabaseOutageTests {
    static final String URL =
            "jdbc:h2:mem:outage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    /** A data source that refuses connections while {@code down}. */
    static final class FlakyDataSource extends DelegatingDataSource {
        volatile boolean down;

        FlakyDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("database down (test)");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Flaky {
        @Bean
        @Primary
        FlakyDataSource flakyDataSource() {
            return new FlakyDataSource(new SimpleDriverDataSource(new org.h2.Driver(), URL, "sa", ""));
        }
    }

    @Autowired
    FlakyDataSource dataSource;

    @Autowired
    Interventions interventions;

    @Autowired
    OutboxRelay relay;

    @Autowired
    EventBus bus;

    @Autowired
    InProcessEventBus inProcessBus;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void up() {
        dataSource.down = false;
    }

    @Test
    void commandsArePublishedAtOnceAndRecordsWrittenInOrderWhenTheDatabaseIsBack() {
        String s = Fixtures.session("outage");
        InterventionCommand first = Fixtures.poll(s, clock.instant());
        InterventionCommand second = Fixtures.manualBroadcast(s, clock.instant());
        InterventionCommand third = Fixtures.notification(s, clock.instant());
        try (BusRecorder rec = new BusRecorder(bus, InterventionTopics.COMMANDS_CHANNEL)) {
            dataSource.down = true;
            interventions.dispatch(first);
            interventions.dispatch(second);
            assertThat(rec.await(InterventionTopics.COMMANDS_CHANNEL, s, 2))
                    .containsExactly(ExpectedCommands.poll(first), ExpectedCommands.manualBroadcast(second));
            assertThat(relay.queueing()).isTrue();

            assertThatThrownBy(() -> interventions.dispatch(third)).isInstanceOf(StoreUnavailable.class);

            dataSource.down = false;
            relay.flushQueue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !relay.queueing());
            assertThat(interventions.history(s, 10, 0).interventions())
                    .extracting(InterventionRecord::id)
                    .containsExactlyInAnyOrder(first.interventionId(), second.interventionId());
            List<Map<String, Object>> rows = jdbc.sql(
                            "SELECT topic, published_at FROM outbox WHERE payload LIKE ? ORDER BY id")
                    .param("%" + s + "%")
                    .query()
                    .listOfRows();
            assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.get("published_at"))
                    .isNotNull());
            List<String> payloads = jdbc.sql("SELECT payload FROM outbox WHERE payload LIKE ? ORDER BY id")
                    .param("%" + s + "%")
                    .query(String.class)
                    .list();
            assertThat(payloads)
                    .containsExactly(ExpectedCommands.poll(first), ExpectedCommands.manualBroadcast(second));

            relay.publishPending();
            inProcessBus.drain(2000);
            assertThat(rec.payloads(InterventionTopics.COMMANDS_CHANNEL, s)).hasSize(2);
            assertThat(rec.payloads(
                            InterventionTopics.COMMANDS_CHANNEL,
                            third.interventionId().toString()))
                    .isEmpty();
        }
        assertThat(interventions.find(third.interventionId())).isEmpty();
    }
}

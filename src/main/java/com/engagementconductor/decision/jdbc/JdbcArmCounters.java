package com.engagementconductor.decision.jdbc;

import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmCounter;
import com.engagementconductor.decision.ArmCounters;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.CounterValues;
import com.engagementconductor.decision.Scope;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/** The {@code arm_counters} table: rows created lazily, counters raised by SQL increments; α and β are untouched. */
@Repository
class JdbcArmCounters implements ArmCounters {
    private static final String CREATE = "INSERT INTO arm_counters (scope, context_key, arm, updated_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final JdbcClient jdbc;
    private final RetryingTransactions transactions;
    private final InstantSource clock;

    JdbcArmCounters(JdbcClient jdbc, PlatformTransactionManager transactions, InstantSource clock) {
        this.jdbc = jdbc;
        this.transactions = new RetryingTransactions(transactions);
        this.clock = clock;
    }

    @Override
    public void increment(ScopeChain scopes, ContextKey context, Arm arm, ArmCounter counter) {
        TreeSet<Scope> ordered = new TreeSet<>(Comparator.comparing(Scope::value));
        ordered.addAll(scopes.widestFirst());
        // the column name comes from the enum, never from input
        String raise = "UPDATE arm_counters SET " + counter.column() + " = " + counter.column()
                + " + 1, updated_at = ? WHERE scope = ? AND context_key = ? AND arm = ?";
        transactions.run("count " + counter.column() + " of " + arm + " in " + context, () -> {
            OffsetDateTime now = SqlTimes.param(clock.instant());
            for (Scope scope : ordered) {
                jdbc.sql(CREATE)
                        .params(scope.value(), context.value(), arm.name(), now)
                        .update();
                jdbc.sql(raise)
                        .params(now, scope.value(), context.value(), arm.name())
                        .update();
            }
        });
    }

    @Override
    public CounterValues read(Scope scope, ContextKey context, Arm arm) {
        return jdbc.sql("SELECT accepted, rejected, expired, execution_failures, unconfirmed, incomplete, confounded"
                        + " FROM arm_counters WHERE scope = ? AND context_key = ? AND arm = ?")
                .params(scope.value(), context.value(), arm.name())
                .query((rs, n) -> new CounterValues(
                        rs.getLong("accepted"),
                        rs.getLong("rejected"),
                        rs.getLong("expired"),
                        rs.getLong("execution_failures"),
                        rs.getLong("unconfirmed"),
                        rs.getLong("incomplete"),
                        rs.getLong("confounded")))
                .optional()
                .orElse(CounterValues.ZERO);
    }
}

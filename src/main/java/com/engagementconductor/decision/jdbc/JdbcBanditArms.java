package com.engagementconductor.decision.jdbc;

import com.engagementconductor.decision.Arm;
import com.engagementconductor.decision.ArmStats;
import com.engagementconductor.decision.BanditStatistics;
import com.engagementconductor.decision.ContextKey;
import com.engagementconductor.decision.ContextStats;
import com.engagementconductor.decision.Evidence;
import com.engagementconductor.decision.Scope;
import com.engagementconductor.decision.ScopeChain;
import com.engagementconductor.decision.StatsKey;
import com.engagementconductor.shared.jdbc.SqlTimes;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code bandit_arms} table. A record (scope, context key) is created lazily with all four arms and updated
 * only with SQL increments, never read-modify-write: one UPDATE per record applies R4.4 to its four rows at once,
 * and one transaction covers every record a reward touches, locked in a fixed order so that concurrent rewards
 * neither lose an update nor deadlock each other (R4.9).
 */
@Repository
class JdbcBanditArms implements BanditStatistics {
    private static final Comparator<StatsKey> LOCK_ORDER =
            Comparator.comparing((StatsKey k) -> k.scope().value()).thenComparing(StatsKey::contextKey);

    private static final String CREATE = "INSERT INTO bandit_arms (scope, context_key, arm, alpha, beta, attempts,"
            + " updated_at) VALUES (?, ?, ?, 1, 1, 0, ?), (?, ?, ?, 1, 1, 0, ?), (?, ?, ?, 1, 1, 0, ?),"
            + " (?, ?, ?, 1, 1, 0, ?) ON CONFLICT DO NOTHING";

    private static final String REWARD = "UPDATE bandit_arms SET"
            + " alpha = 1 + CAST(? AS DOUBLE PRECISION) * (alpha - 1)"
            + " + CASE WHEN arm = ? THEN CAST(? AS DOUBLE PRECISION) ELSE CAST(0 AS DOUBLE PRECISION) END,"
            + " beta = 1 + CAST(? AS DOUBLE PRECISION) * (beta - 1)"
            + " + CASE WHEN arm = ? THEN CAST(? AS DOUBLE PRECISION) ELSE CAST(0 AS DOUBLE PRECISION) END,"
            + " attempts = attempts + CASE WHEN arm = ? THEN 1 ELSE 0 END,"
            + " updated_at = ? WHERE scope = ? AND context_key = ?";

    private static final String ADD = "UPDATE bandit_arms SET alpha = alpha + CAST(? AS DOUBLE PRECISION),"
            + " beta = beta + CAST(? AS DOUBLE PRECISION), attempts = attempts + ?, updated_at = ?"
            + " WHERE scope = ? AND context_key = ? AND arm = ?";

    private static final String REPLACE = "UPDATE bandit_arms SET alpha = CAST(? AS DOUBLE PRECISION),"
            + " beta = CAST(? AS DOUBLE PRECISION), attempts = ?, updated_at = ?"
            + " WHERE scope = ? AND context_key = ? AND arm = ?";

    private final JdbcClient jdbc;
    private final RetryingTransactions transactions;
    private final InstantSource clock;

    JdbcBanditArms(JdbcClient jdbc, PlatformTransactionManager transactions, InstantSource clock) {
        this.jdbc = jdbc;
        this.transactions = new RetryingTransactions(transactions);
        this.clock = clock;
    }

    @Override
    public Map<StatsKey, ContextStats> load(ScopeChain scopes, ContextKey context) {
        List<Scope> chain = scopes.widestFirst();
        List<Object> params = new ArrayList<>(chain.size() + 2);
        StringBuilder sql = new StringBuilder(
                "SELECT scope, context_key, arm, alpha, beta, attempts FROM bandit_arms WHERE scope IN (");
        for (int i = 0; i < chain.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(chain.get(i).value());
        }
        sql.append(") AND context_key IN (?, ?)");
        params.add(context.value());
        params.add(context.anomalyTypeKey());
        Map<StatsKey, EnumMap<Arm, ArmStats>> rows = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            String armName = rs.getString("arm");
            StatsKey key = new StatsKey(new Scope(rs.getString("scope")), rs.getString("context_key"));
            ArmStats stats = stats(rs.getDouble("alpha"), rs.getDouble("beta"), rs.getLong("attempts"));
            // a row of an arm this version does not know is left out, the rest still counts
            Arm.tryParse(armName).ifPresent(arm -> rows.computeIfAbsent(key, k -> new EnumMap<>(Arm.class))
                    .put(arm, stats));
        });
        Map<StatsKey, ContextStats> found = new HashMap<>(rows.size() * 2);
        rows.forEach((key, arms) -> found.put(key, new ContextStats(arms)));
        return found;
    }

    @Override
    public void applyReward(ScopeChain scopes, ContextKey context, Arm arm, double reward, double discount) {
        BanditStatistics.checkReward(reward, discount);
        TreeSet<StatsKey> records = new TreeSet<>(LOCK_ORDER);
        records.addAll(BanditStatistics.keysOf(scopes, context));
        transactions.run("reward " + arm + " in " + context, () -> {
            OffsetDateTime now = SqlTimes.param(clock.instant());
            for (StatsKey key : records) {
                create(key, now);
                jdbc.sql(REWARD)
                        .params(
                                discount,
                                arm.name(),
                                reward,
                                discount,
                                arm.name(),
                                1.0 - reward,
                                arm.name(),
                                now,
                                key.scope().value(),
                                key.contextKey())
                        .update();
            }
        });
    }

    @Override
    public void addEvidence(Scope scope, List<Evidence> evidence) {
        TreeMap<StatsKey, List<Evidence>> byRecord = new TreeMap<>(LOCK_ORDER);
        for (Evidence e : evidence) {
            byRecord.computeIfAbsent(new StatsKey(scope, e.contextKey()), k -> new ArrayList<>())
                    .add(e);
        }
        transactions.run("add evidence to " + scope, () -> {
            OffsetDateTime now = SqlTimes.param(clock.instant());
            byRecord.forEach((key, rows) -> {
                create(key, now);
                for (Evidence e : rows) {
                    jdbc.sql(ADD)
                            .params(
                                    e.a(),
                                    e.b(),
                                    e.attempts(),
                                    now,
                                    scope.value(),
                                    e.contextKey(),
                                    e.arm().name())
                            .update();
                }
            });
        });
    }

    @Override
    public void replaceEvidence(Scope scope, List<Evidence> evidence) {
        TreeMap<StatsKey, List<Evidence>> byRecord = new TreeMap<>(LOCK_ORDER);
        for (Evidence e : evidence) {
            byRecord.computeIfAbsent(new StatsKey(scope, e.contextKey()), k -> new ArrayList<>())
                    .add(e);
        }
        transactions.run("replace evidence in " + scope, () -> {
            OffsetDateTime now = SqlTimes.param(clock.instant());
            byRecord.forEach((key, rows) -> {
                create(key, now);
                for (Evidence e : rows) {
                    jdbc.sql(REPLACE)
                            .params(
                                    1.0 + e.a(),
                                    1.0 + e.b(),
                                    e.attempts(),
                                    now,
                                    scope.value(),
                                    e.contextKey(),
                                    e.arm().name())
                            .update();
                }
            });
        });
    }

    @Override
    public boolean isEmpty() {
        return jdbc.sql("SELECT 1 FROM bandit_arms LIMIT 1")
                .query(Integer.class)
                .optional()
                .isEmpty();
    }

    /** Creates the record with all four arms at the prior unless it exists (R4.3). */
    private void create(StatsKey key, OffsetDateTime now) {
        List<Object> params = new ArrayList<>(16);
        for (Arm arm : Arm.values()) {
            params.add(key.scope().value());
            params.add(key.contextKey());
            params.add(arm.name());
            params.add(now);
        }
        jdbc.sql(CREATE).params(params).update();
    }

    /** A stored row; rounding can leave α or β a hair below 1 only through a manual edit, read as 1. */
    private static ArmStats stats(double alpha, double beta, long attempts) {
        return new ArmStats(Math.max(1.0, alpha), Math.max(1.0, beta), Math.max(0L, attempts));
    }
}

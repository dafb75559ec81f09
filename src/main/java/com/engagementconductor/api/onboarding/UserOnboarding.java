package com.engagementconductor.api.onboarding;

import com.engagementconductor.shared.jdbc.SqlTimes;
import java.time.InstantSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code user_onboarding} table: whether a user (the token's {@code sub}) completed or skipped the tour. */
@Repository
class UserOnboarding {
    private final JdbcClient jdbc;
    private final InstantSource clock;

    UserOnboarding(JdbcClient jdbc, InstantSource clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** False for a user with no record. */
    boolean completed(String userId) {
        return jdbc.sql("SELECT completed FROM user_onboarding WHERE user_id = ?")
                .param(userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Records the user's answer, creating the record on first use. */
    @Transactional
    void record(String userId, boolean completed) {
        var now = SqlTimes.param(clock.instant());
        jdbc.sql("INSERT INTO user_onboarding (user_id, completed, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(userId, completed, now)
                .update();
        jdbc.sql("UPDATE user_onboarding SET completed = ?, updated_at = ? WHERE user_id = ?")
                .params(completed, now, userId)
                .update();
    }
}

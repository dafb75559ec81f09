package com.engagementconductor.decision.jdbc;

import com.engagementconductor.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bandit's tables on the real PostgreSQL of {@code scripts/provision.sh}, in a fresh schema. */
class BanditArmsPostgresIT extends BanditArmsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "bandit");
    }
}

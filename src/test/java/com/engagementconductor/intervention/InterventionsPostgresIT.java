package com.engagementconductor.intervention;

import com.engagementconductor.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intervention contract on the real PostgreSQL of {@code scripts/provision.sh}, in a fresh schema. */
class InterventionsPostgresIT extends InterventionContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "itv");
    }
}

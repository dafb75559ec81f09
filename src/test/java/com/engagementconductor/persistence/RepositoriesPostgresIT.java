package com.engagementconductor.persistence;

import com.engagementconductor.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The repository contract on the real PostgreSQL of {@code scripts/provision.sh}, in a fresh schema. */
class RepositoriesPostgresIT extends RepositoryContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "repo");
    }
}

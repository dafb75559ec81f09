package com.engagementconductor.persistence;

import org.springframework.test.context.TestPropertySource;

/** The repository contract on H2 in PostgreSQL mode. */
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:mem:repositories;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RepositoriesH2Tests extends RepositoryContract {}

package com.engagementconductor.decision.jdbc;

import org.springframework.test.context.TestPropertySource;

/** The bandit's tables on H2 in PostgreSQL mode. */
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:mem:bandit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class BanditArmsH2Tests extends BanditArmsContract {}

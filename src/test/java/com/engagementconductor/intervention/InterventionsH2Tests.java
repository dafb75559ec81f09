package com.engagementconductor.intervention;

import org.springframework.test.context.TestPropertySource;

/** The intervention contract on H2 in PostgreSQL mode. */
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:mem:interventions;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class InterventionsH2Tests extends InterventionContract {}

/** JDBC adapters of the {@code interventions} and {@code outbox} tables, on H2 and PostgreSQL. */
@NullMarked
package com.engagementconductor.intervention.jdbc;

import org.jspecify.annotations.NullMarked;

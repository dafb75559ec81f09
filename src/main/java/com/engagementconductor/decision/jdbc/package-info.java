/** JDBC adapter: {@code bandit_arms} and {@code arm_counters}, updated with atomic increments on H2 and PostgreSQL. */
@NullMarked
package com.engagementconductor.decision.jdbc;

import org.jspecify.annotations.NullMarked;

/** The database the service runs on (H2 or PostgreSQL), the JSON binding that works on both, and the guard that keeps migrations off foreign schemas. */
@NullMarked
package com.engagementconductor.shared.jdbc;

import org.jspecify.annotations.NullMarked;

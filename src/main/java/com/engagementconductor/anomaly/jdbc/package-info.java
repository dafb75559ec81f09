/** JDBC adapter. */
@NullMarked
package com.engagementconductor.anomaly.jdbc;

import org.jspecify.annotations.NullMarked;

/** JDBC adapter. */
@NullMarked
package com.engagementconductor.signals.jdbc;

import org.jspecify.annotations.NullMarked;

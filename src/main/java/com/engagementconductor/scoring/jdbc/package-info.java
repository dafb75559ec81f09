/** JDBC adapter. */
@NullMarked
package com.engagementconductor.scoring.jdbc;

import org.jspecify.annotations.NullMarked;

/** Intervention lifecycle and records, the outbox and its relay, outcome recording, and the built-in executor. */
@ApplicationModule(allowedDependencies = {"shared", "content"})
@NullMarked
package com.engagementconductor.intervention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

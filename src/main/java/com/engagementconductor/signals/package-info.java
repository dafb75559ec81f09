/** The signal vocabulary, per-session windows, session registry and signal ingestion. */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package com.engagementconductor.signals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

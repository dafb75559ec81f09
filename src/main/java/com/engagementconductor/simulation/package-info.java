/** The seeded audience simulator and its scenarios; it emits signals over the bus like any client. */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package com.engagementconductor.simulation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

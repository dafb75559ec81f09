/** The bandit: statistics per scope and context, sampling, posterior means, probability-best, discounting and persistence. */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package com.engagementconductor.decision;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

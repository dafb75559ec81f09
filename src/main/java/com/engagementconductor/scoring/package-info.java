/** Engagement score formulas v1 and v2, categories, the tick and metric persistence. */
@ApplicationModule(allowedDependencies = {"shared", "signals"})
@NullMarked
package com.engagementconductor.scoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/** Anomaly detection: baseline detectors, Half-Space Trees, blending, hysteresis, classification and cooldowns. */
@ApplicationModule(allowedDependencies = {"shared", "scoring", "signals"})
@NullMarked
package com.engagementconductor.anomaly;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

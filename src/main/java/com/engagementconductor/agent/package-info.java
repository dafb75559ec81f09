/** One actor per live session: perceive, decide, approve, act, learn; modes, decisions, approvals, rate limits, rewards. */
@ApplicationModule(
        allowedDependencies = {"shared", "signals", "scoring", "anomaly", "decision", "intervention", "content"})
@NullMarked
package com.engagementconductor.agent;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

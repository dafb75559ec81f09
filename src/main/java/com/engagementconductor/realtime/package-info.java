/** Real-time delivery to audience clients: the Socket.IO server and its wiring. */
@ApplicationModule(
        displayName = "realtime",
        allowedDependencies = {"shared", "signals", "agent", "intervention"})
@NullMarked
package com.engagementconductor.realtime;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

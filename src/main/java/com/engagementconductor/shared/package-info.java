/** Ids, the clock and randomness beans, the {@code EventBus} port and token verification: the few types every module shares. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package com.engagementconductor.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

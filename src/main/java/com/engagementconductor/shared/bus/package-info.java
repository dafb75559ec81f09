/** The in-process event bus of the embedded topology. */
@NullMarked
package com.engagementconductor.shared.bus;

import org.jspecify.annotations.NullMarked;

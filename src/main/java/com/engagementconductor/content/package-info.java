/** Intervention content: templates, validation, and (later) Claude generation with cost metering and budgets. */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package com.engagementconductor.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

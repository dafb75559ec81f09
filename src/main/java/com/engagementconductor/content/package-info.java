/**
 * Intervention content: templates, validation, and generation with Claude (Sonnet, then Haiku, then templates) with
 * per-model circuit breakers, cost metering and budgets; {@link com.engagementconductor.content.LlmStatus} tells
 * operations the mode, breaker states and costs.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package com.engagementconductor.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * The Claude adapter of content generation: the Anthropic Messages client, per-model circuit breakers, structured
 * output schemas, prompts, and cost metering with budgets shared through Redis when it is configured.
 */
@NullMarked
package com.engagementconductor.content.llm;

import org.jspecify.annotations.NullMarked;

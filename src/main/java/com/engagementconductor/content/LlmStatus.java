package com.engagementconductor.content;

import java.util.Map;

/**
 * What operations may read about content generation on this node (contracts §4.17): the mode, the state of each
 * model's circuit breaker, and the metered costs.
 */
public interface LlmStatus {

    /** {@code anthropic} when an API key is configured, else {@code templates}. */
    String mode();

    /** {@code sonnet} and {@code haiku} → {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}; empty in templates mode. */
    Map<String, String> breakerStates();

    /** This node's metered spend and tokens. */
    LlmCosts costs();
}

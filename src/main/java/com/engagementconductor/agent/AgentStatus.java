package com.engagementconductor.agent;

/** What the agent of a session is doing (behaviour R5.2); published only by the session's agent. */
public enum AgentStatus {
    MONITORING,
    ANOMALY_DETECTED,
    WAITING_APPROVAL,
    INTERVENING,
    LEARNING,
    IDLE
}

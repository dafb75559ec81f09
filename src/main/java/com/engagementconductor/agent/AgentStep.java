package com.engagementconductor.agent;

/** One step of the agent loop (perceive, decide, approve, act, learn); each runs at most once per pass. */
interface AgentStep {

    AgentPass.StepName name();

    void run(AgentPass pass);
}

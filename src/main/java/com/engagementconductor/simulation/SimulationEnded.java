package com.engagementconductor.simulation;

import java.util.UUID;

/** A simulation completed or was stopped; published once per run. */
public record SimulationEnded(UUID simulationId, String sessionId, String scenario, Simulations.State state) {}

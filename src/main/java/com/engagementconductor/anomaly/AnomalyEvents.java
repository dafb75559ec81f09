package com.engagementconductor.anomaly;

import com.engagementconductor.signals.SignalsSnapshot;

/** In-process events of anomaly detection, published on the session's lane. */
public final class AnomalyEvents {
    private AnomalyEvents() {}

    /**
     * An anomaly was raised, or escalated from WARNING to CRITICAL (same id). SPIKEs are not announced here.
     *
     * @param onset the first anomalous tick of the raising run (R7.1)
     */
    public record AnomalyDetected(
            String sessionId, String eventId, AnomalyReport report, SignalsSnapshot signals, java.time.Instant onset) {}

    /** The active anomaly of a session cleared (not published on the bus, R3.11). */
    public record AnomalyCleared(String sessionId, java.time.Instant at) {}
}

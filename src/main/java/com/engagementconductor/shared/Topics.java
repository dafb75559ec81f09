package com.engagementconductor.shared;

/** Names of the bus topics (contracts §8): the same names in Redis and on the in-process bus. */
public final class Topics {
    public static final String ENGAGEMENT_UPDATE = "engagement:update";
    public static final String ANOMALY_DETECTED = "anomaly:detected";
    /** Internal: raw audience signals from simulators and attendee sockets, as JSON. */
    public static final String SIGNALS = "conductor:signals";

    private Topics() {}

    public static String sessionEvents(String sessionId) {
        return "session:" + sessionId + ":events";
    }
}

package com.engagementconductor.intervention;

import com.engagementconductor.shared.AttendeeAudience;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An attendee audience that tests set per session (0 unless set). */
public final class TestAudience implements AttendeeAudience {
    private final Map<String, Integer> reachable = new ConcurrentHashMap<>();

    public void set(String sessionId, int attendees) {
        reachable.put(sessionId, attendees);
    }

    @Override
    public int reachable(String sessionId) {
        return reachable.getOrDefault(sessionId, 0);
    }
}

package com.engagementconductor.scoring;

import com.engagementconductor.shared.Timestamps;
import com.engagementconductor.signals.SignalsSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire shapes of {@code engagement:update} and of its {@code signals} object (contracts §8.2). */
public final class EngagementPayloads {
    private EngagementPayloads() {}

    /** The {@code signals} object: the six prior keys first, then ours. */
    public static Map<String, Object> signals(SignalsSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chat_msgs_per_min", (double) s.chatMessages());
        m.put("poll_participation", s.pollParticipation());
        m.put("active_users", s.activeUsers());
        m.put("total_users", s.connectedUsers());
        m.put("reactions_per_min", (double) s.reactions());
        m.put("user_leave_rate", s.userLeaveRate());
        m.put("connected_users", s.connectedUsers());
        m.put("qa_per_min", (double) s.qaQuestions());
        m.put("qa_questions_per_min", (double) s.qaQuestions());
        m.put("qa_upvotes_per_min", (double) s.qaUpvotes());
        m.put("spontaneous_active_users", s.spontaneousActiveUsers());
        m.put("poll_open", s.pollOpen());
        return m;
    }

    /** The {@code engagement:update} message. */
    public static Map<String, Object> update(EngagementScored e, Duration tick) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", Timestamps.format(e.at()));
        m.put("sessionId", e.sessionId());
        m.put("eventId", e.eventId());
        m.put("score", e.score().published());
        m.put("signals", signals(e.signals()));
        m.put("category", e.score().category().name());
        m.put("formula", e.score().version().wireName());
        m.put("intervalSeconds", tick.getSeconds());
        m.put("partialWindow", e.signals().partialWindow());
        m.put("seq", e.seq());
        return m;
    }
}

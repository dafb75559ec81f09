package com.engagementconductor.intervention;

import com.engagementconductor.shared.Timestamps;

/** The exact command JSON of contracts §8.3 for the commands of {@link Fixtures}. */
public final class ExpectedCommands {
    private ExpectedCommands() {}

    private static String common(String type, InterventionCommand c) {
        return "{\"type\":\"agent.intervention." + type + "\",\"intervention_id\":\"" + c.interventionId()
                + "\",\"session_id\":\"" + c.sessionId() + "\",\"event_id\":\"evt_7\",\"timestamp\":\""
                + Timestamps.format(c.timestamp()) + "\",\"decision_id\":"
                + (c.decisionId() == null ? "null" : "\"" + c.decisionId() + "\"");
    }

    public static String poll(InterventionCommand c) {
        return common("poll", c)
                + ",\"poll\":{\"question\":\"How is the pace right now?\",\"options\":[\"Too fast\",\"About right\","
                + "\"Too slow\"],\"type\":\"MULTIPLE_CHOICE\",\"duration\":60},\"metadata\":{\"reason\":\""
                + Fixtures.REASON + "\",\"confidence\":0.58,\"priority\":\"HIGH\",\"estimated_impact\":0.58}}";
    }

    public static String manualBroadcast(InterventionCommand c) {
        return common("broadcast", c) + ",\"message\":\"Share one question you still have!\"}";
    }

    public static String notification(InterventionCommand c) {
        return common("notification", c)
                + ",\"notification_type\":\"GRADUAL_DECLINE\",\"target\":\"organizer\",\"escalate\":false,"
                + "\"content\":{\"title\":\"Attention is fading\",\"body\":\"Engagement has declined for 3 min in"
                + " Keynote.\",\"priority\":\"medium\",\"suggested_action\":\"Change the format: a poll, a demo or a"
                + " short break.\"}}";
    }

    public static String challenge(InterventionCommand c) {
        return common("gamification", c)
                + ",\"content\":{\"action\":\"START_CHALLENGE\",\"template\":\"CHAT_BLITZ\",\"name\":\"Chat Blitz\","
                + "\"description\":\"Most messages in 5 minutes wins\",\"rewards\":{\"first\":50,\"second\":30,"
                + "\"third\":15},\"duration_minutes\":5},\"metadata\":{\"reason\":\"MASS_EXIT (CRITICAL): people are"
                + " leaving.\",\"confidence\":0.41,\"priority\":\"HIGH\",\"estimated_impact\":0.41}}";
    }

    public static String boost(InterventionCommand c) {
        return common("gamification", c)
                + ",\"content\":{\"action\":\"POINTS_BOOST\",\"name\":\"Points Boost\",\"description\":\"Earn 2x points"
                + " for the next 5 minutes\",\"duration_minutes\":5,\"multiplier\":2.0},\"metadata\":{\"reason\":"
                + "\"Keep them going\",\"confidence\":null,\"priority\":\"MEDIUM\",\"estimated_impact\":null}}";
    }
}

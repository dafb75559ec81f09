package com.engagementconductor.content;

import java.util.Optional;

/** The four challenge templates with their fixed durations and rewards (R6.1), and the name and description templates use. */
public enum ChallengeTemplate {
    CHAT_BLITZ(5, new Rewards(50, 30, 15), "Chat Blitz", "Most messages in 5 minutes wins"),
    POLL_RUSH(10, new Rewards(50, 30, 15), "Poll Rush", "Answer the most polls in 10 minutes to win"),
    QA_SPRINT(10, new Rewards(60, 35, 20), "Q&A Sprint", "Ask the most upvoted questions in 10 minutes to win"),
    POINTS_RACE(15, new Rewards(75, 50, 25), "Points Race", "Earn the most points in 15 minutes to win");

    private final int durationMinutes;
    private final Rewards rewards;
    private final String displayName;
    private final String description;

    ChallengeTemplate(int durationMinutes, Rewards rewards, String displayName, String description) {
        this.durationMinutes = durationMinutes;
        this.rewards = rewards;
        this.displayName = displayName;
        this.description = description;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public Rewards rewards() {
        return rewards;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** The template with exactly this wire name, if there is one. */
    public static Optional<ChallengeTemplate> find(String name) {
        for (ChallengeTemplate template : values()) {
            if (template.name().equals(name)) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }
}

package com.engagementconductor.api.onboarding;

import java.util.List;

/**
 * The seven steps of the onboarding tour (behaviour R9.3), with the configured tick {T} and the approval timeout
 * {A} inserted, so the tour never states a fixed number the deployment does not use (D41).
 */
record Tour(List<Step> steps) {

    /** One step: a stable topic id and its text. */
    record Step(String id, String text) {}

    /** The default approval timeout, used when no readable event is named (behaviour R0.6). */
    static final int DEFAULT_APPROVAL_TIMEOUT_SECONDS = 120;

    private static final List<Step> TEMPLATE = List.of(
            new Step(
                    "welcome",
                    "Welcome to the Engagement Conductor. It watches your live sessions and helps you win back"
                            + " attention when it slips."),
            new Step(
                    "engagement-score",
                    "The engagement score (0–100) is recalculated every {T} seconds from the last minute of chat,"
                            + " Q&A, reactions, polls and attendance. A quiet room makes it fall."),
            new Step(
                    "anomaly-detection",
                    "When the score drops suddenly, declines steadily, stays low, or people leave in numbers, you"
                            + " get an alert marked Warning or Critical, usually within a minute or two."),
            new Step(
                    "interventions",
                    "The agent can launch a poll, show a banner, notify you, or start a challenge. You see what it"
                            + " proposes and why."),
            new Step(
                    "agent-mode",
                    "Manual: you approve every action. Semi-auto: actions run on their own once they have worked"
                            + " well in similar situations; others wait for you. Auto: actions run straight away."
                            + " Suggestions you don't answer expire after {A} seconds."),
            new Step(
                    "learning",
                    "About a minute (organizer notifications: two and a half minutes) after each action the agent"
                            + " measures what happened and learns which actions work in which situations."),
            new Step("ready", "You're all set. Pick a live session to start monitoring."));

    Tour {
        steps = List.copyOf(steps);
    }

    /**
     * The tour for a deployment ticking every {@code tickSeconds} and an approval timeout of
     * {@code approvalTimeoutSeconds}.
     */
    static Tour of(long tickSeconds, int approvalTimeoutSeconds) {
        if (tickSeconds < 1) {
            throw new IllegalArgumentException("tickSeconds must be positive: " + tickSeconds);
        }
        if (approvalTimeoutSeconds < 1) {
            throw new IllegalArgumentException("approvalTimeoutSeconds must be positive: " + approvalTimeoutSeconds);
        }
        return new Tour(TEMPLATE.stream()
                .map(s -> new Step(
                        s.id(),
                        s.text()
                                .replace("{T}", Long.toString(tickSeconds))
                                .replace("{A}", Integer.toString(approvalTimeoutSeconds))))
                .toList());
    }
}

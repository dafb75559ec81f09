import type { OnboardingStep } from "../../shared/types";

/**
 * The seven steps of behaviour R9.3, used only when the server has no onboarding endpoint: {T} is the tick the
 * server reports with its scores and {A} the event's approval timeout, so the cadence stated is still the real one.
 */
export function fallbackSteps(tickSeconds: number, approvalTimeoutSeconds: number): OnboardingStep[] {
  return [
    { id: "welcome", text: "Welcome to the Engagement Conductor. It watches your live sessions and helps you win back attention when it slips." },
    {
      id: "engagement-score",
      text: `The engagement score (0–100) is recalculated every ${tickSeconds} seconds from the last minute of chat, Q&A, reactions, polls and attendance. A quiet room makes it fall.`,
    },
    {
      id: "anomaly-detection",
      text: "When the score drops suddenly, declines steadily, stays low, or people leave in numbers, you get an alert marked Warning or Critical, usually within a minute or two.",
    },
    { id: "interventions", text: "The agent can launch a poll, show a banner, notify you, or start a challenge. You see what it proposes and why." },
    {
      id: "agent-mode",
      text: `Manual: you approve every action. Semi-auto: actions run on their own once they have worked well in similar situations; others wait for you. Auto: actions run straight away. Suggestions you don't answer expire after ${approvalTimeoutSeconds} seconds.`,
    },
    {
      id: "learning",
      text: "About a minute (organizer notifications: two and a half minutes) after each action the agent measures what happened and learns which actions work in which situations.",
    },
    { id: "ready", text: "You're all set. Pick a live session to start monitoring." },
  ];
}

export const TOUR_TITLES: Record<string, string> = {
  welcome: "Welcome",
  "engagement-score": "Engagement score",
  "anomaly-detection": "Anomaly detection",
  interventions: "Interventions",
  "agent-mode": "Agent modes",
  learning: "Learning",
  ready: "Ready",
};

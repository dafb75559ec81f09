import { describe, expect, it } from "vitest";
import { fallbackSteps } from "./tour";

describe("onboarding tour without the server's steps", () => {
  it("has the seven steps of behaviour R9.3 in order with the real tick and approval timeout", () => {
    const steps = fallbackSteps(5, 120);
    expect(steps.map((s) => s.id)).toEqual(["welcome", "engagement-score", "anomaly-detection", "interventions", "agent-mode", "learning", "ready"]);
    expect(steps[1].text).toContain("recalculated every 5 seconds");
    expect(steps[4].text).toContain("expire after 120 seconds");
    expect(fallbackSteps(2, 300)[1].text).toContain("every 2 seconds");
  });
});

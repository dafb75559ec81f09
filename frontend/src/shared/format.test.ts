import { describe, expect, it } from "vitest";
import { ago, display, health, secondsUntil, signedDisplay } from "./format";

describe("display scale (behaviour R0.1)", () => {
  it("multiplies by 100 with one decimal", () => {
    expect(display(0.582899)).toBe("58.3");
    expect(display(0.31)).toBe("31.0");
    expect(display(1)).toBe("100.0");
    expect(display(null)).toBe("–");
  });

  it("signs deltas", () => {
    expect(signedDisplay(0.21)).toBe("+21.0");
    expect(signedDisplay(-0.03)).toBe("-3.0");
  });
});

describe("times", () => {
  const now = Date.parse("2026-01-04T12:04:00.000Z");
  it("counts down to expiry and stops at zero", () => {
    expect(secondsUntil("2026-01-04T12:05:10.000Z", now)).toBe(70);
    expect(secondsUntil("2026-01-04T12:03:00.000Z", now)).toBe(0);
    expect(secondsUntil(null, now)).toBeNull();
  });

  it("tells how long ago the last activity was", () => {
    expect(ago("2026-01-04T12:03:48.000Z", now)).toBe("12 s ago");
    expect(ago("2026-01-04T12:01:00.000Z", now)).toBe("3 min ago");
    expect(ago(null, now)).toBe("never");
  });
});

describe("health badge", () => {
  it("names the state in text, so colour is not the only signal", () => {
    expect(health(0.75, false)).toEqual({ label: "Healthy", tone: "good" });
    expect(health(0.45, false)).toEqual({ label: "Watch", tone: "warn" });
    expect(health(0.3, false)).toEqual({ label: "Low", tone: "bad" });
    expect(health(0.9, true)).toEqual({ label: "Anomaly", tone: "bad" });
    expect(health(null, false).label).toBe("No data");
  });
});

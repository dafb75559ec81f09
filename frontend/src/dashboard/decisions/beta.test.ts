import { describe, expect, it } from "vitest";
import { betaCurve, betaMean, betaPdf, logGamma } from "./beta";

describe("Beta posterior", () => {
  it("computes ln Γ of integers as ln of factorials", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });

  it("is uniform for Beta(1, 1) and matches closed forms", () => {
    expect(betaPdf(0.3, 1, 1)).toBeCloseTo(1, 10);
    expect(betaPdf(0.5, 2, 2)).toBeCloseTo(1.5, 10); // 6 x (1 − x)
    expect(betaPdf(0.25, 3, 1)).toBeCloseTo(3 * 0.25 * 0.25, 10);
  });

  it("integrates to about 1", () => {
    const pts = betaCurve(12.5, 3.5, 400);
    const area = pts.slice(1).reduce((sum, p, i) => sum + ((p.y + pts[i].y) / 2) * (p.x - pts[i].x), 0);
    expect(area).toBeCloseTo(1, 2);
  });

  it("has the demo's pre-loaded POLL mean of 0.78", () => {
    expect(betaMean(12.5, 3.5)).toBeCloseTo(0.78125, 5);
  });
});

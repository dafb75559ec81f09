import { describe, expect, it } from "vitest";
import { frameOf, linePath, timeTicks, xOf, yOf } from "./chart";

const at = (s: number) => new Date(Date.UTC(2026, 0, 4, 12, 0, s)).toISOString();

describe("engagement chart", () => {
  const now = Date.UTC(2026, 0, 4, 12, 5, 0);
  const points = [
    { timestamp: at(0), score: 0.75 },
    { timestamp: at(5), score: 0.45 },
    { timestamp: at(10), score: 0.78 },
  ];

  it("places points by their server timestamps over the chosen window", () => {
    const f = frameOf(points, 5, now, 300, 100);
    expect(xOf(f, at(0))).toBeCloseTo(0, 5);
    expect(xOf(f, new Date(now).toISOString())).toBeCloseTo(300, 5);
    expect(xOf(f, at(150))).toBeCloseTo(150, 5);
  });

  it("draws 0–1 scores from the bottom to the top", () => {
    const f = frameOf(points, 5, now, 300, 100);
    expect(yOf(f, 1)).toBe(0);
    expect(yOf(f, 0)).toBe(100);
    expect(yOf(f, 1.2)).toBe(0);
  });

  it("breaks the line over a gap instead of bridging it", () => {
    const f = frameOf(points, 5, now, 300, 100);
    const gapped = [...points, { timestamp: at(60), score: 0.5 }];
    expect(linePath(f, gapped, 15000).match(/M/g)).toHaveLength(2);
    expect(linePath(f, points, 15000).match(/M/g)).toHaveLength(1);
  });

  it("leaves out points older than the window", () => {
    const f = frameOf(points, 5, Date.UTC(2026, 0, 4, 12, 5, 7), 300, 100);
    expect(linePath(f, points, 15000).split(" ")).toHaveLength(1);
  });

  it("puts time ticks on round minutes", () => {
    const f = frameOf(points, 15, now, 300, 100);
    const ticks = timeTicks(f);
    expect(ticks.every((t) => t % (3 * 60_000) === 0)).toBe(true);
    expect(ticks).toHaveLength(5);
  });
});

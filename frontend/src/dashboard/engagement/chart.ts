// The engagement chart's geometry: a real time axis from server timestamps (not point indexes).
import type { EngagementPoint } from "../../shared/types";

export interface Frame {
  start: number;
  end: number;
  width: number;
  height: number;
}

/** The visible window ends at the newest of `now` and the last point, and spans `minutes`. */
export function frameOf(points: EngagementPoint[], minutes: number, nowMs: number, width: number, height: number): Frame {
  const last = points.length > 0 ? Date.parse(points[points.length - 1].timestamp) : nowMs;
  const end = Math.max(nowMs, last);
  return { start: end - minutes * 60_000, end, width, height };
}

export function xOf(f: Frame, iso: string): number {
  return ((Date.parse(iso) - f.start) / (f.end - f.start)) * f.width;
}

/** 0–1 score to y, 1 at the top. */
export function yOf(f: Frame, score: number): number {
  return f.height - Math.max(0, Math.min(1, score)) * f.height;
}

export function visible(f: Frame, points: EngagementPoint[]): EngagementPoint[] {
  return points.filter((p) => {
    const t = Date.parse(p.timestamp);
    return t >= f.start && t <= f.end;
  });
}

/**
 * The SVG path of the score line. A gap longer than `gapMs` (missed ticks, a reconnect) breaks the line
 * instead of drawing a straight segment across it.
 */
export function linePath(f: Frame, points: EngagementPoint[], gapMs: number): string {
  let d = "";
  let prev: number | null = null;
  for (const p of visible(f, points)) {
    const t = Date.parse(p.timestamp);
    const cmd = prev === null || t - prev > gapMs ? "M" : "L";
    d += `${d ? " " : ""}${cmd}${xOf(f, p.timestamp).toFixed(1)},${yOf(f, p.score).toFixed(1)}`;
    prev = t;
  }
  return d;
}

/** Time-axis ticks at round minutes: every 1, 3 or 10 minutes for the 5, 15 and 60 minute windows. */
export function timeTicks(f: Frame): number[] {
  const minutes = (f.end - f.start) / 60_000;
  const step = (minutes <= 5 ? 1 : minutes <= 15 ? 3 : 10) * 60_000;
  const ticks: number[] = [];
  for (let t = Math.ceil(f.start / step) * step; t <= f.end; t += step) ticks.push(t);
  return ticks;
}

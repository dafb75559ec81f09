// Presentation (behaviour R0.1): everything is 0–1 on the wire; only the display multiplies by 100, one decimal.

export function display(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return (Math.round(value * 1000) / 10).toFixed(1);
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : `${display(value)} %`;
}

export function signedDisplay(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const d = display(value);
  return value > 0 ? `+${d}` : d;
}

export function rate(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : (Math.round(value * 10) / 10).toFixed(1);
}

/** Seconds from now until `iso`, never negative; null when `iso` is absent. */
export function secondsUntil(iso: string | null | undefined, nowMs: number): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.max(0, Math.ceil((t - nowMs) / 1000));
}

/** "12 s ago", "3 min ago", "2 h ago"; "never" when absent. */
export function ago(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return "never";
  const s = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

export function clock(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

export function modeLabel(mode: string): string {
  return mode === "SEMI_AUTO" ? "Semi-Auto" : mode === "AUTO" ? "Auto" : mode === "MANUAL" ? "Manual" : mode;
}

/** The health of a session from its last score (0–1): the badge text and its tone. */
export function health(score: number | null | undefined, anomaly: boolean): { label: string; tone: "good" | "warn" | "bad" | "none" } {
  if (anomaly) return { label: "Anomaly", tone: "bad" };
  if (score === null || score === undefined) return { label: "No data", tone: "none" };
  if (score >= 0.6) return { label: "Healthy", tone: "good" };
  if (score >= 0.4) return { label: "Watch", tone: "warn" };
  return { label: "Low", tone: "bad" };
}

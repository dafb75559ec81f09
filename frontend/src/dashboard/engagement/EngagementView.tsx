import { useEffect, useState } from "react";
import { display, rate } from "../../shared/format";
import type { AnomalyMarker, EngagementPoint, InterventionMarker, InterventionRecord } from "../../shared/types";
import { frameOf, linePath, timeTicks, xOf, yOf } from "./chart";

export const WINDOWS = [5, 15, 60] as const;
const W = 640;
const H = 200;

interface Props {
  points: EngagementPoint[];
  anomalies: AnomalyMarker[];
  interventions: InterventionMarker[];
  records: InterventionRecord[];
  intervalSeconds: number | null;
  minutes: number;
  onMinutes: (m: number) => void;
  loading: boolean;
  error: string | null;
}

function outcomeText(m: InterventionMarker, records: InterventionRecord[]): string {
  const r = records.find((x) => x.id === m.intervention_id);
  const status = r?.status ?? m.status;
  const delta = r?.outcome?.engagement_delta;
  return `${m.type}: ${status}${typeof delta === "number" ? ` (delta ${delta > 0 ? "+" : ""}${display(delta)})` : ""}`;
}

function SignalCards({ p }: { p: EngagementPoint | undefined }) {
  const s = p?.signals ?? {};
  const cards: [string, string, string][] = [
    ["Chat / min", rate(s.chat_msgs_per_min), "chat"],
    ["Active / connected", `${s.active_users ?? "–"} / ${s.connected_users ?? s.total_users ?? "–"}`, "users"],
    ["Poll turnout", s.poll_open ? display(s.poll_participation ?? 0) + " %" : "no poll open", "poll"],
    ["Reactions / min", rate(s.reactions_per_min), "reactions"],
    ["Q&A / min", rate(s.qa_per_min), "qa"],
  ];
  return (
    <div className="signals" aria-label="Signals of the last minute">
      {cards.map(([label, value, id]) => (
        <div key={id} className="signal" data-testid={`signal-${id}`}>
          <span className="muted small">{label}</span>
          <strong>{value}</strong>
        </div>
      ))}
    </div>
  );
}

/** The live score card, the chart over a real time axis with anomaly and intervention markers, and the signal cards. */
export function EngagementView({ points, anomalies, interventions, records, intervalSeconds, minutes, onMinutes, loading, error }: Props) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const last = points.at(-1);
  const f = frameOf(points, minutes, now, W, H);
  const gap = Math.max(3, (intervalSeconds ?? 5) * 3) * 1000;
  const inWindow = (iso: string) => {
    const t = Date.parse(iso);
    return t >= f.start && t <= f.end;
  };
  return (
    <section className="card engagement" aria-labelledby="engagement-heading">
      <h2 id="engagement-heading">Engagement</h2>
      <div className="scorecard">
        <div>
          <span className="score" data-testid="score">
            {display(last?.score)}
          </span>
          <span className="muted"> / 100</span>
        </div>
        <div>
          <span className={`badge ${last?.category === "LOW" || last?.category === "CRITICAL" ? "bad" : last?.category === "MEDIUM" ? "warn" : "good"}`} data-testid="category">
            {last?.category ?? "–"}
          </span>
        </div>
        <div role="group" aria-label="Chart window" className="windows">
          {WINDOWS.map((m) => (
            <button key={m} type="button" aria-pressed={m === minutes} className={m === minutes ? "on" : ""} onClick={() => onMinutes(m)}>
              {m} min
            </button>
          ))}
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          History could not be loaded: {error}
        </p>
      )}
      {loading && points.length === 0 && <p className="muted" aria-busy="true">Loading engagement…</p>}
      {!loading && points.length === 0 && !error && <p className="muted" data-testid="engagement-empty">No engagement data yet for this session.</p>}
      <svg className="chart" viewBox={`-30 -8 ${W + 40} ${H + 28}`} role="img" aria-label={`Engagement over the last ${minutes} minutes`} data-testid="chart">
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={0} x2={W} y1={yOf(f, v)} y2={yOf(f, v)} stroke="#e4e7eb" />
            <text x={-4} y={yOf(f, v) + 3} fontSize={9} textAnchor="end">
              {v * 100}
            </text>
          </g>
        ))}
        {timeTicks(f).map((t) => (
          <text key={t} x={((t - f.start) / (f.end - f.start)) * W} y={H + 14} fontSize={9} textAnchor="middle">
            {new Date(t).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}
          </text>
        ))}
        <path d={linePath(f, points, gap)} fill="none" stroke="#2563eb" strokeWidth={2} />
        {anomalies.filter((a) => inWindow(a.timestamp)).map((a) => (
          <g key={(a.anomaly_id ?? "") + a.timestamp} data-testid="anomaly-marker">
            <line x1={xOf(f, a.timestamp)} x2={xOf(f, a.timestamp)} y1={0} y2={H} stroke="#dc2626" strokeDasharray="4 3" />
            <text x={xOf(f, a.timestamp) + 3} y={10} fontSize={10} fill="#b91c1c">
              ⚠ {a.type}
            </text>
            <title>{`${a.type} (${a.severity})`}</title>
          </g>
        ))}
        {interventions.filter((m) => inWindow(m.timestamp)).map((m) => {
          const x = xOf(f, m.timestamp);
          return (
            <g key={m.intervention_id} data-testid="intervention-marker">
              <path d={`M${x},${H - 14} l6,6 l-6,6 l-6,-6 z`} fill="#059669" />
              <text x={x + 8} y={H - 4} fontSize={10} fill="#065f46">
                {outcomeText(m, records)}
              </text>
              <title>{outcomeText(m, records)}</title>
            </g>
          );
        })}
      </svg>
      <SignalCards p={last} />
    </section>
  );
}

import { display, health } from "../../shared/format";
import type { SessionSummary } from "../../shared/types";
import type { LiveState } from "../live/liveState";

interface Props {
  sessions: SessionSummary[];
  live: LiveState;
  selected: string | null;
  onSelect: (sessionId: string) => void;
  loading: boolean;
  error: string | null;
}

const RECENT_ANOMALY_MS = 5 * 60_000;

/** The organizer's live sessions, each with a health badge (text and colour) from its latest score. */
export function SessionPicker({ sessions, live, selected, onSelect, loading, error }: Props) {
  if (error) return <p role="alert" className="error">Sessions could not be loaded: {error}</p>;
  if (loading && sessions.length === 0) return <p className="muted" aria-busy="true">Loading sessions…</p>;
  if (sessions.length === 0)
    return <p className="muted" data-testid="sessions-empty">No live sessions yet. Start the demo, or register a session through the API.</p>;
  return (
    <nav aria-label="Live sessions">
      <ul className="session-list">
        {sessions.map((s) => {
          const l = live[s.session_id];
          const last = l?.points.at(-1);
          const score = last ? last.score : s.last_score;
          const anomaly = !!l?.lastAnomaly && Date.now() - Date.parse(l.lastAnomaly.timestamp) < RECENT_ANOMALY_MS;
          const h = health(score, anomaly);
          return (
            <li key={s.session_id}>
              <button
                type="button"
                className={"session" + (s.session_id === selected ? " selected" : "")}
                aria-pressed={s.session_id === selected}
                data-testid={`session-${s.session_id}`}
                onClick={() => onSelect(s.session_id)}
              >
                <span className="session-title">{s.title || s.session_id}</span>
                <span className="muted small">{s.event_id}</span>
                <span className={`badge ${h.tone}`} aria-label={`health ${h.label}`}>
                  {h.label} · {display(score)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

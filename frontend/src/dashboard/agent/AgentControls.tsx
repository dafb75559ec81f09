import { useEffect, useState } from "react";
import { Api, describeError, enc } from "../../shared/api";
import { ago, display, modeLabel } from "../../shared/format";
import { AGENT_MODES, type AgentMode, type EventSettings } from "../../shared/types";

interface Props {
  api: Api;
  sessionId: string;
  eventId: string | null;
  mode: AgentMode | null;
  status: string | null;
  lastActivity: string | null;
  settings: EventSettings | null;
  canWrite: boolean;
  onModeChanged: (mode: AgentMode) => void;
}

function describeMode(mode: AgentMode, threshold: number | null): string {
  switch (mode) {
    case "MANUAL":
      return "You approve every action.";
    case "SEMI_AUTO":
      return `Actions with confidence ≥ ${threshold === null ? "the event's threshold" : display(threshold)} run on their own; others wait for you.`;
    case "AUTO":
      return "Actions run straight away.";
  }
}

/** The mode toggle (the server's mode, the event's real threshold) and the status with live activity time. */
export function AgentControls({ api, sessionId, eventId, mode, status, lastActivity, settings, canWrite, onModeChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const threshold = settings ? settings.auto_approve_threshold : null;

  const change = async (next: AgentMode) => {
    if (next === mode) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(`/agent/sessions/${enc(sessionId)}/mode`, eventId ? { mode: next, event_id: eventId } : { mode: next });
      onModeChanged(next);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card agent-controls" aria-labelledby="agent-heading">
      <h2 id="agent-heading">Agent</h2>
      <div role="radiogroup" aria-label="Agent mode" className="mode-toggle">
        {AGENT_MODES.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            className={mode === m ? "on" : ""}
            disabled={busy || !canWrite}
            data-testid={`mode-${m}`}
            onClick={() => change(m)}
          >
            {mode === m ? "● " : "○ "}
            {modeLabel(m)}
          </button>
        ))}
      </div>
      <p className="muted" data-testid="mode-description">
        {mode ? describeMode(mode, threshold) : "Mode not known yet."}
      </p>
      {!canWrite && <p className="muted">Read-only token: the mode cannot be changed.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        Status: <strong data-testid="agent-status">{status ?? "–"}</strong> · last activity{" "}
        <span data-testid="last-activity">{ago(lastActivity, now)}</span>
      </p>
    </section>
  );
}

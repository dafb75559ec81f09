import { clock, display } from "../../shared/format";
import type { AnomalyDetected } from "../../shared/types";

export interface Alert {
  key: string;
  anomaly: AnomalyDetected;
}

interface Props {
  alerts: Alert[];
  onOpen: (sessionId: string) => void;
  onDismiss: (key: string) => void;
}

/** Anomalies on sessions that are not on screen. */
export function Alerts({ alerts, onOpen, onDismiss }: Props) {
  return (
    <section aria-live="assertive" aria-label="Alerts on other sessions" className="alerts">
      {alerts.map(({ key, anomaly: a }) => (
        <div key={key} className={`alert ${a.severity === "CRITICAL" ? "bad" : "warn"}`} role="alert" data-testid="alert">
          <strong>⚠ {a.severity}</strong> {a.type} on <em>{a.sessionId}</em> at {clock(a.timestamp)}: engagement {display(a.currentEngagement)} (expected{" "}
          {display(a.expectedEngagement)}){" "}
          <button type="button" onClick={() => onOpen(a.sessionId)}>
            Open
          </button>{" "}
          <button type="button" onClick={() => onDismiss(key)} aria-label="Dismiss alert">
            ✕
          </button>
        </div>
      ))}
    </section>
  );
}

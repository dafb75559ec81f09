import { useEffect, useState } from "react";
import { Api, describeError, enc } from "../../shared/api";
import { clock, display, percent, secondsUntil } from "../../shared/format";
import type { Decision, Resolution } from "../../shared/types";
import type { ResolvedDecision } from "../live/liveState";
import { BetaPlot } from "./BetaPlot";

interface Props {
  api: Api;
  sessionId: string;
  pending: Decision | null;
  lastResolved: ResolvedDecision | null;
  canWrite: boolean;
  onResolved: (decisionId: string, resolution: Resolution) => void;
}

const RESOLUTION_TEXT: Record<Resolution, string> = {
  APPROVED: "✓ Approved: the intervention is on its way.",
  AUTO_APPROVED: "✓ Auto-approved: executed without a click.",
  REJECTED: "✗ Rejected.",
  EXPIRED: "⌛ Expired: nobody answered in time.",
  SUPERSEDED: "↻ Superseded by a newer suggestion.",
  CANCELLED: "✗ Cancelled.",
  HOLDOUT: "◌ Held out to measure uplift (not executed).",
};

function ContextGrid({ d }: { d: Decision }) {
  const c = d.context ?? {};
  const rows: [string, string][] = [
    ["Anomaly", String(c["anomalyType"] ?? c["anomaly_type"] ?? "–")],
    ["Severity", String(c["severity"] ?? "–")],
    ["Engagement level", String(c["engagementLevel"] ?? c["engagement_bucket"] ?? "–")],
    ["Session size", String(c["sessionSize"] ?? c["session_size_bucket"] ?? "–")],
    ["Deviation", String(c["deviation_bucket"] ?? "–")],
    ["Current / expected", `${display(d.trendData?.["current_engagement"])} / ${display(d.trendData?.["expected_engagement"])}`],
  ];
  return (
    <dl className="grid" data-testid="context-grid">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Preview({ d }: { d: Decision }) {
  const p = d.contentPreview;
  if (!p) return <p className="muted">Content is being prepared…</p>;
  return (
    <div className="preview" data-testid="content-preview">
      {p.title && <strong>{p.title}</strong>}
      {p.question && <p>{p.question}</p>}
      {p.options && (
        <ol>
          {p.options.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ol>
      )}
      {p.message && <p>{p.message}</p>}
    </div>
  );
}

function Explanation({ d }: { d: Decision }) {
  const h = d.historicalPerformance;
  return (
    <>
      <p className="reasoning" data-testid="reasoning">
        {d.reasoning}
      </p>
      <ContextGrid d={d} />
      <dl className="grid">
        <div>
          <dt>Posterior mean (confidence)</dt>
          <dd data-testid="posterior-mean">{percent(d.posteriorMean ?? d.confidence)}</dd>
        </div>
        <div>
          <dt>Probability best</dt>
          <dd>{percent(d.probabilityBest)}</dd>
        </div>
        <div>
          <dt>History here</dt>
          <dd>
            {h ? `${percent(h.successRate)} over ${h.totalAttempts ?? 0} attempts${h.isExploring ? " (exploring)" : ""}` : "–"}
          </dd>
        </div>
        <div>
          <dt>Organizer acceptance</dt>
          <dd>{percent(d.organizerAcceptance)}</dd>
        </div>
      </dl>
      {d.posteriors && <BetaPlot posteriors={d.posteriors} chosen={d.interventionType} />}
      <Preview d={d} />
    </>
  );
}

/** The pending suggestion with its explanation, Approve and Reject, the expiry countdown, and how the last one ended. */
export function DecisionExplainer({ api, sessionId, pending, lastResolved, canWrite, onResolved }: Props) {
  const [now, setNow] = useState(Date.now());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(t);
  }, []);
  useEffect(() => setError(null), [pending?.decisionId]);

  const act = async (kind: "approve" | "reject") => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const path = `/agent/sessions/${enc(sessionId)}/decisions/${enc(pending.decisionId)}/${kind}`;
      await api.post(path, kind === "reject" && reason.trim() ? { reason: reason.trim() } : {});
      onResolved(pending.decisionId, kind === "approve" ? "APPROVED" : "REJECTED");
      setReason("");
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  if (!pending) {
    return (
      <section className="card decision" aria-labelledby="decision-heading" data-testid="decision-none">
        <h2 id="decision-heading">Suggestion</h2>
        {lastResolved ? (
          <div data-testid="decision-resolution">
            <p role="status">
              <strong>{lastResolved.decision.interventionType}</strong> at {clock(lastResolved.decision.timestamp)}:{" "}
              <span data-testid="resolution-text">{RESOLUTION_TEXT[lastResolved.resolution] ?? lastResolved.resolution}</span>
              {lastResolved.reason ? ` (${lastResolved.reason})` : ""}
            </p>
            <details>
              <summary>Why it was proposed</summary>
              <Explanation d={lastResolved.decision} />
            </details>
          </div>
        ) : (
          <p className="muted">No suggestion waiting. The agent proposes an action when it detects an engagement problem.</p>
        )}
      </section>
    );
  }

  const left = secondsUntil(pending.expiresAt, now);
  return (
    <section className="card decision pending" aria-labelledby="decision-heading" data-testid="decision-card">
      <h2 id="decision-heading">
        Suggestion: <span data-testid="decision-type">{pending.interventionType}</span>
      </h2>
      <p>
        Confidence <strong>{display(pending.confidence)}</strong>
        {left !== null && (
          <>
            {" "}
            · expires in{" "}
            <strong data-testid="countdown" aria-live="off">
              {Math.floor(left / 60)}:{String(left % 60).padStart(2, "0")}
            </strong>
          </>
        )}
      </p>
      <Explanation d={pending} />
      {canWrite ? (
        <div className="actions">
          <button type="button" className="approve" disabled={busy || left === 0} onClick={() => act("approve")} data-testid="approve">
            ✓ Approve
          </button>
          <label htmlFor="reject-reason" className="sr-only">
            Reason for rejecting (optional)
          </label>
          <input id="reject-reason" placeholder="Reason (optional)" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="reject" disabled={busy || left === 0} onClick={() => act("reject")} data-testid="reject">
            ✗ Reject
          </button>
        </div>
      ) : (
        <p className="muted">Read-only token: an organizer with event:manage approves or rejects.</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

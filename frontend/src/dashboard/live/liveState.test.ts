import { describe, expect, it } from "vitest";
import type { Decision, Snapshot } from "../../shared/types";
import { liveReducer, MAX_POINTS, mergePoints, type LiveState } from "./liveState";

const decision = (id: string, extra: Partial<Decision> = {}): Decision => ({
  decisionId: id,
  sessionId: "sess_42",
  interventionType: "POLL",
  confidence: 0.58,
  reasoning: "SUDDEN_DROP (CRITICAL)",
  autoApproved: false,
  expiresAt: "2026-01-04T12:05:10.000Z",
  timestamp: "2026-01-04T12:03:10.000Z",
  ...extra,
});

const snapshot: Snapshot = {
  status: "WAITING_APPROVAL",
  mode: "SEMI_AUTO",
  pendingDecision: decision("d1"),
  lastEngagement: { timestamp: "2026-01-04T12:03:10.000Z", sessionId: "sess_42", score: 0.31, signals: {}, seq: 118, intervalSeconds: 5 },
  recentAnomaly: null,
  seq: 120,
};

const subscribed = (): LiveState => liveReducer({}, { kind: "snapshot", sessionId: "sess_42", snapshot });

describe("live state", () => {
  it("takes status, mode, pending decision and last score from the subscribe snapshot", () => {
    const s = subscribed()["sess_42"];
    expect(s.seq).toBe(120);
    expect(s.status).toBe("WAITING_APPROVAL");
    expect(s.mode).toBe("SEMI_AUTO");
    expect(s.pending?.decisionId).toBe("d1");
    expect(s.points.map((p) => p.score)).toEqual([0.31]);
    expect(s.intervalSeconds).toBe(5);
  });

  it("drops events whose seq is not greater than the snapshot's and applies newer ones", () => {
    const old = liveReducer(subscribed(), { kind: "event", name: "agent.status", payload: { status: "MONITORING", sessionId: "sess_42", seq: 119 } });
    expect(old["sess_42"].status).toBe("WAITING_APPROVAL");
    const fresh = liveReducer(old, { kind: "event", name: "agent.status", payload: { status: "INTERVENING", mode: "AUTO", sessionId: "sess_42", seq: 121 } });
    expect(fresh["sess_42"].status).toBe("INTERVENING");
    expect(fresh["sess_42"].mode).toBe("AUTO");
  });

  it("applies a decision published through the outbox after a status with a higher seq", () => {
    const status = liveReducer(subscribed(), { kind: "event", name: "agent.status", payload: { status: "WAITING_APPROVAL", sessionId: "sess_42", seq: 125 } });
    const s = liveReducer(status, { kind: "event", name: "agent.decision", payload: { decision: decision("d9"), sessionId: "sess_42", seq: 124 } });
    expect(s["sess_42"].pending?.decisionId).toBe("d9");
  });

  it("keeps sessions apart by the payload's sessionId", () => {
    const s = liveReducer(subscribed(), {
      kind: "event",
      name: "engagement:update",
      payload: { sessionId: "sess_7", timestamp: "2026-01-04T12:03:15.000Z", score: 0.8, signals: {}, seq: 3 },
    });
    expect(s["sess_42"].points).toHaveLength(1);
    expect(s["sess_7"].points.map((p) => p.score)).toEqual([0.8]);
  });

  it("moves an approved decision from pending to resolved with who approved it", () => {
    const s = liveReducer(subscribed(), {
      kind: "event",
      name: "agent.decision.resolved",
      payload: { decisionId: "d1", resolution: "APPROVED", by: "user_9", at: "2026-01-04T12:04:00.000Z", sessionId: "sess_42", seq: 123 },
    })["sess_42"];
    expect(s.pending).toBeNull();
    expect(s.lastResolved?.resolution).toBe("APPROVED");
    expect(s.lastResolved?.by).toBe("user_9");
    expect(s.historyVersion).toBeGreaterThan(subscribed()["sess_42"].historyVersion);
  });

  it("marks the previous pending decision superseded when a newer one arrives", () => {
    const s = liveReducer(subscribed(), {
      kind: "event",
      name: "agent.decision",
      payload: { decision: decision("d2", { timestamp: "2026-01-04T12:04:10.000Z" }), sessionId: "sess_42", seq: 130 },
    })["sess_42"];
    expect(s.pending?.decisionId).toBe("d2");
    expect(s.lastResolved?.decision.decisionId).toBe("d1");
    expect(s.lastResolved?.resolution).toBe("SUPERSEDED");
  });

  it("shows an auto-approved decision as resolved, never as waiting", () => {
    const s = liveReducer(subscribed(), {
      kind: "event",
      name: "agent.decision",
      payload: { decision: decision("d3", { autoApproved: true, expiresAt: null }), sessionId: "sess_42", seq: 131 },
    })["sess_42"];
    expect(s.pending?.decisionId).toBe("d1");
    expect(s.lastResolved?.resolution).toBe("AUTO_APPROVED");
    expect(s.activity[0].text).toContain("auto-approved");
  });

  it("adds an anomaly marker once per anomaly id and severity", () => {
    const anomaly = {
      sessionId: "sess_42",
      timestamp: "2026-01-04T12:03:10.000Z",
      type: "SUDDEN_DROP",
      severity: "WARNING",
      currentEngagement: 0.31,
      expectedEngagement: 0.58,
      deviation: 0.27,
      anomalyId: "a1",
    };
    let s = liveReducer(subscribed(), { kind: "event", name: "anomaly:detected", payload: { ...anomaly, seq: 140 } });
    s = liveReducer(s, { kind: "event", name: "anomaly:detected", payload: { ...anomaly, severity: "CRITICAL", seq: 141 } });
    expect(s["sess_42"].anomalies).toHaveLength(1);
    expect(s["sess_42"].anomalies[0].severity).toBe("CRITICAL");
    expect(s["sess_42"].activity.filter((a) => a.kind === "anomaly")).toHaveLength(2);
  });

  it("records a delivered intervention as a marker", () => {
    const s = liveReducer(subscribed(), {
      kind: "event",
      name: "agent.intervention.executed",
      payload: { intervention_id: "i1", intervention_type: "POLL", success: true, decision_id: "d1", sessionId: "sess_42", seq: 150 },
    })["sess_42"];
    expect(s.interventions).toEqual([
      { intervention_id: "i1", timestamp: "2026-01-04T12:03:10.000Z", type: "POLL", status: "EXECUTED", decision_id: "d1" },
    ]);
  });

  it("merges REST history with live points, one per timestamp, in time order", () => {
    const s = liveReducer(subscribed(), {
      kind: "history",
      sessionId: "sess_42",
      window: {
        session_id: "sess_42",
        interval_seconds: 5,
        points: [
          { timestamp: "2026-01-04T12:03:05.000Z", score: 0.4 },
          { timestamp: "2026-01-04T12:03:10.000Z", score: 0.31 },
        ],
        anomalies: [],
        interventions: [],
      },
    })["sess_42"];
    expect(s.points.map((p) => p.timestamp)).toEqual(["2026-01-04T12:03:05.000Z", "2026-01-04T12:03:10.000Z"]);
  });

  it("bounds the points it keeps", () => {
    const many = Array.from({ length: MAX_POINTS + 10 }, (_, i) => ({ timestamp: new Date(Date.UTC(2026, 0, 4, 12) + i * 5000).toISOString(), score: 0.5 }));
    const kept = mergePoints([], many);
    expect(kept).toHaveLength(MAX_POINTS);
    expect(kept[0].timestamp).toBe(many[10].timestamp);
  });
});

// The live state of the sessions a dashboard socket holds: the subscribe snapshot, then the forwarded events
// whose `seq` is greater than the snapshot's (contracts §7.2, §7.4). Pure, so Vitest checks it.

import type {
  AgentMode,
  AgentStatusEvent,
  AnomalyDetected,
  AnomalyMarker,
  Decision,
  DecisionResolved,
  EngagementPoint,
  EngagementUpdate,
  EngagementWindow,
  InterventionExecuted,
  InterventionMarker,
  Resolution,
  RewardMeasured,
  Snapshot,
} from "../../shared/types";

export const MAX_POINTS = 1000;
export const MAX_ACTIVITY = 100;

export interface ActivityItem {
  key: string;
  at: string;
  kind: "anomaly" | "decision" | "resolution" | "executed" | "reward" | "status";
  text: string;
}

export interface ResolvedDecision {
  decision: Decision;
  resolution: Resolution;
  by?: string;
  at: string;
  reason?: string;
}

export interface LiveSession {
  /**
   * The sequence number of the last subscribe snapshot; -1 before the first. Events at or below it are already
   * in the snapshot. Events above it are applied in arrival order: outbox-published events (decisions) may
   * arrive after direct ones (statuses) with a higher seq, so seq is not compared between events.
   */
  seq: number;
  status: string | null;
  mode: AgentMode | null;
  pending: Decision | null;
  lastResolved: ResolvedDecision | null;
  points: EngagementPoint[];
  anomalies: AnomalyMarker[];
  interventions: InterventionMarker[];
  activity: ActivityItem[];
  lastActivity: string | null;
  intervalSeconds: number | null;
  /** Increments whenever stored history changed (executions, rewards, resolutions). */
  historyVersion: number;
  /** The time of the newest anomaly, for alerts. */
  lastAnomaly: AnomalyDetected | null;
}

export type LiveState = Record<string, LiveSession>;

export function emptySession(): LiveSession {
  return {
    seq: -1,
    status: null,
    mode: null,
    pending: null,
    lastResolved: null,
    points: [],
    anomalies: [],
    interventions: [],
    activity: [],
    lastActivity: null,
    intervalSeconds: null,
    historyVersion: 0,
    lastAnomaly: null,
  };
}

export type LiveAction =
  | { kind: "snapshot"; sessionId: string; snapshot: Snapshot }
  | { kind: "event"; name: string; payload: unknown }
  | { kind: "history"; sessionId: string; window: EngagementWindow }
  | { kind: "resolvedLocally"; sessionId: string; decisionId: string; resolution: Resolution; by: string; at: string }
  | { kind: "mode"; sessionId: string; mode: AgentMode }
  | { kind: "forget"; sessionId: string };

function byTime<T extends { timestamp: string }>(a: T, b: T): number {
  return Date.parse(a.timestamp) - Date.parse(b.timestamp);
}

/** Adds points, one per timestamp, sorted by time, bounded to the newest {@link MAX_POINTS}. */
export function mergePoints(existing: EngagementPoint[], added: EngagementPoint[]): EngagementPoint[] {
  const byTs = new Map<string, EngagementPoint>();
  for (const p of existing) byTs.set(p.timestamp, p);
  for (const p of added) byTs.set(p.timestamp, p);
  const all = [...byTs.values()].sort(byTime);
  return all.length > MAX_POINTS ? all.slice(all.length - MAX_POINTS) : all;
}

function mergeAnomalies(existing: AnomalyMarker[], added: AnomalyMarker[]): AnomalyMarker[] {
  const out = [...existing];
  for (const a of added) {
    const i = out.findIndex((x) => (a.anomaly_id && x.anomaly_id === a.anomaly_id) || x.timestamp === a.timestamp);
    if (i >= 0) out[i] = { ...out[i], ...a, timestamp: out[i].timestamp };
    else out.push(a);
  }
  return out.sort(byTime);
}

function mergeInterventions(existing: InterventionMarker[], added: InterventionMarker[]): InterventionMarker[] {
  const out = [...existing];
  for (const m of added) {
    const i = out.findIndex((x) => x.intervention_id === m.intervention_id);
    if (i >= 0) out[i] = { ...out[i], ...m };
    else out.push(m);
  }
  return out.sort(byTime);
}

function addActivity(s: LiveSession, item: ActivityItem): ActivityItem[] {
  if (s.activity.some((a) => a.key === item.key)) return s.activity;
  return [item, ...s.activity].slice(0, MAX_ACTIVITY);
}

function pointOf(u: EngagementUpdate): EngagementPoint {
  return { timestamp: u.timestamp, score: u.score, category: u.category, signals: u.signals };
}

function anomalyMarkerOf(a: AnomalyDetected): AnomalyMarker {
  return {
    anomaly_id: a.anomalyId,
    timestamp: a.timestamp,
    type: a.type,
    severity: a.severity,
    current_engagement: a.currentEngagement,
    expected_engagement: a.expectedEngagement,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function sessionIdOf(payload: unknown): string | null {
  if (!isObject(payload)) return null;
  const id = payload["sessionId"];
  return typeof id === "string" ? id : null;
}

function seqOf(payload: unknown): number | null {
  if (!isObject(payload)) return null;
  const s = payload["seq"];
  return typeof s === "number" ? s : null;
}

function applySnapshot(prev: LiveSession | undefined, snap: Snapshot): LiveSession {
  let s: LiveSession = { ...(prev ?? emptySession()) };
  s.seq = snap.seq;
  s.status = snap.status;
  s.mode = snap.mode;
  s.pending = snap.pendingDecision;
  if (snap.lastEngagement) {
    s.points = mergePoints(s.points, [pointOf(snap.lastEngagement)]);
    s.lastActivity = latest(s.lastActivity, snap.lastEngagement.timestamp);
    s.intervalSeconds = snap.lastEngagement.intervalSeconds ?? s.intervalSeconds;
  }
  if (snap.recentAnomaly) {
    s.anomalies = mergeAnomalies(s.anomalies, [anomalyMarkerOf(snap.recentAnomaly)]);
    s.lastAnomaly = snap.recentAnomaly;
  }
  s = { ...s, historyVersion: s.historyVersion + 1 };
  return s;
}

function latest(a: string | null, b: string): string {
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function resolve(s: LiveSession, decisionId: string, resolution: Resolution, at: string, by?: string, reason?: string): LiveSession {
  const decision = s.pending && s.pending.decisionId === decisionId ? s.pending : s.lastResolved?.decision.decisionId === decisionId ? s.lastResolved.decision : null;
  if (!decision) return s;
  return {
    ...s,
    pending: s.pending && s.pending.decisionId === decisionId ? null : s.pending,
    lastResolved: { decision, resolution, at, by, reason },
  };
}

function applyEvent(s: LiveSession, name: string, payload: unknown): LiveSession {
  switch (name) {
    case "engagement:update": {
      const u = payload as EngagementUpdate;
      if (typeof u.score !== "number" || typeof u.timestamp !== "string") return s;
      return {
        ...s,
        points: mergePoints(s.points, [pointOf(u)]),
        lastActivity: latest(s.lastActivity, u.timestamp),
        intervalSeconds: u.intervalSeconds ?? s.intervalSeconds,
      };
    }
    case "anomaly:detected": {
      const a = payload as AnomalyDetected;
      return {
        ...s,
        anomalies: mergeAnomalies(s.anomalies, [anomalyMarkerOf(a)]),
        lastAnomaly: a,
        activity: addActivity(s, {
          key: `anomaly:${a.anomalyId ?? a.timestamp}:${a.severity}`,
          at: a.timestamp,
          kind: "anomaly",
          text: `${a.type} (${a.severity}): engagement ${(a.currentEngagement * 100).toFixed(1)} vs expected ${(a.expectedEngagement * 100).toFixed(1)}`,
        }),
      };
    }
    case "agent.status": {
      const e = payload as AgentStatusEvent;
      return { ...s, status: e.status ?? s.status, mode: e.mode ?? s.mode };
    }
    case "agent.decision": {
      const d = isObject(payload) ? (payload["decision"] as Decision | undefined) : undefined;
      if (!d || typeof d.decisionId !== "string") return s;
      const activity = addActivity(s, {
        key: `decision:${d.decisionId}`,
        at: d.timestamp,
        kind: "decision",
        text: `${d.interventionType} proposed at confidence ${(d.confidence * 100).toFixed(1)}${d.autoApproved ? " (auto-approved)" : " (waiting for approval)"}`,
      });
      if (d.autoApproved) {
        const resolution: Resolution = "AUTO_APPROVED";
        return { ...s, activity, lastResolved: { decision: d, resolution, at: d.timestamp }, historyVersion: s.historyVersion + 1 };
      }
      // A newer pending decision supersedes the previous one (at most one pending decision per session).
      const superseded: LiveSession =
        s.pending && s.pending.decisionId !== d.decisionId ? resolve(s, s.pending.decisionId, "SUPERSEDED", d.timestamp, "system") : s;
      return { ...superseded, pending: d, activity };
    }
    case "agent.decision.resolved": {
      const r = payload as DecisionResolved;
      const resolved = resolve(s, r.decisionId, r.resolution, r.at, r.by, r.reason);
      return {
        ...resolved,
        historyVersion: s.historyVersion + 1,
        activity: addActivity(resolved, {
          key: `resolved:${r.decisionId}:${r.resolution}`,
          at: r.at,
          kind: "resolution",
          text: `Decision ${r.resolution.toLowerCase().replace("_", "-")}${r.by ? ` by ${r.by}` : ""}${r.reason ? `: ${r.reason}` : ""}`,
        }),
      };
    }
    case "agent.intervention.executed": {
      const x = payload as InterventionExecuted;
      const at = new Date().toISOString();
      const marker: InterventionMarker = {
        intervention_id: x.intervention_id,
        timestamp: s.interventions.find((m) => m.intervention_id === x.intervention_id)?.timestamp ?? s.points.at(-1)?.timestamp ?? at,
        type: x.intervention_type,
        status: x.success ? "EXECUTED" : "FAILED",
        decision_id: x.decision_id ?? null,
      };
      return {
        ...s,
        interventions: mergeInterventions(s.interventions, [marker]),
        historyVersion: s.historyVersion + 1,
        activity: addActivity(s, {
          key: `executed:${x.intervention_id}`,
          at: marker.timestamp,
          kind: "executed",
          text: `${x.intervention_type} ${x.success ? "delivered to the audience" : "failed to deliver"}`,
        }),
      };
    }
    case "agent.reward.measured": {
      const r = payload as RewardMeasured;
      const existing = s.interventions.find((m) => m.intervention_id === r.intervention_id);
      const interventions = existing
        ? mergeInterventions(s.interventions, [{ ...existing, status: "MEASURED" }])
        : s.interventions;
      return {
        ...s,
        interventions,
        historyVersion: s.historyVersion + 1,
        activity: addActivity(s, {
          key: `reward:${r.intervention_id}`,
          at: new Date().toISOString(),
          kind: "reward",
          text: `Outcome measured: ${r.success ? "it worked" : "no clear effect"} (delta ${typeof r.delta === "number" ? (r.delta * 100).toFixed(1) : "–"})`,
        }),
      };
    }
    default:
      return s;
  }
}

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.kind) {
    case "snapshot":
      return { ...state, [action.sessionId]: applySnapshot(state[action.sessionId], action.snapshot) };
    case "forget": {
      const next = { ...state };
      delete next[action.sessionId];
      return next;
    }
    case "mode": {
      const s = state[action.sessionId] ?? emptySession();
      return { ...state, [action.sessionId]: { ...s, mode: action.mode } };
    }
    case "resolvedLocally": {
      const s = state[action.sessionId];
      if (!s) return state;
      return { ...state, [action.sessionId]: resolve(s, action.decisionId, action.resolution, action.at, action.by) };
    }
    case "history": {
      const s = state[action.sessionId] ?? emptySession();
      const w = action.window;
      return {
        ...state,
        [action.sessionId]: {
          ...s,
          points: mergePoints(s.points, w.points),
          anomalies: mergeAnomalies(s.anomalies, w.anomalies),
          interventions: mergeInterventions(s.interventions, w.interventions),
          intervalSeconds: w.interval_seconds ?? s.intervalSeconds,
          lastActivity: w.points.length > 0 ? latest(s.lastActivity, w.points[w.points.length - 1].timestamp) : s.lastActivity,
        },
      };
    }
    case "event": {
      const sessionId = sessionIdOf(action.payload);
      if (!sessionId) return state;
      const s = state[sessionId] ?? emptySession();
      const seq = seqOf(action.payload);
      if (seq !== null && seq <= s.seq) return state; // already covered by the snapshot (contracts §7.2)
      return { ...state, [sessionId]: applyEvent(s, action.name, action.payload) };
    }
  }
}

/** The events a dashboard socket listens to (contracts §7.4). */
export const AGENT_EVENTS = [
  "engagement:update",
  "anomaly:detected",
  "agent.status",
  "agent.decision",
  "agent.decision.resolved",
  "agent.intervention.executed",
  "agent.reward.measured",
] as const;

// Wire shapes of the public contracts (contracts §4, §7, §8). Only the fields the pages read are typed;
// every optional field the server may omit is optional here too.

export type AgentMode = "MANUAL" | "SEMI_AUTO" | "AUTO";
export const AGENT_MODES: readonly AgentMode[] = ["MANUAL", "SEMI_AUTO", "AUTO"];
export type InterventionType = "POLL" | "BROADCAST" | "NOTIFICATION" | "GAMIFICATION";
export const INTERVENTION_TYPES: readonly InterventionType[] = ["POLL", "BROADCAST", "NOTIFICATION", "GAMIFICATION"];

export type Resolution =
  | "APPROVED"
  | "REJECTED"
  | "EXPIRED"
  | "SUPERSEDED"
  | "CANCELLED"
  | "AUTO_APPROVED"
  | "HOLDOUT";

export interface PageConfig {
  socketUrl: string;
  socketPath: string;
  namespace: string;
  apiBase: string;
  version?: string;
}

export interface Signals {
  chat_msgs_per_min?: number;
  poll_participation?: number;
  active_users?: number;
  total_users?: number;
  reactions_per_min?: number;
  user_leave_rate?: number;
  connected_users?: number;
  qa_per_min?: number;
  qa_upvotes_per_min?: number;
  poll_open?: boolean;
}

/** `engagement:update` (contracts §8.2). */
export interface EngagementUpdate {
  timestamp: string;
  sessionId: string;
  eventId?: string;
  score: number;
  signals: Signals;
  category?: string;
  intervalSeconds?: number;
  seq?: number;
}

/** `anomaly:detected` (contracts §8.2). */
export interface AnomalyDetected {
  sessionId: string;
  eventId?: string;
  timestamp: string;
  type: string;
  severity: string;
  anomalyScore?: number;
  currentEngagement: number;
  expectedEngagement: number;
  deviation: number;
  anomalyId?: string;
  seq?: number;
}

export interface Posterior {
  alpha: number;
  beta: number;
  eligible: boolean;
}

export interface ContentPreview {
  title?: string | null;
  message?: string | null;
  question?: string | null;
  options?: string[] | null;
}

/** The `decision` object of `agent.decision` (contracts §8.1). */
export interface Decision {
  decisionId: string;
  sessionId?: string;
  interventionType: string;
  confidence: number;
  posteriorMean?: number;
  probabilityBest?: number;
  reasoning: string;
  context?: Record<string, string | number | boolean | null>;
  trendData?: Record<string, number>;
  historicalPerformance?: { successRate?: number; totalAttempts?: number; isExploring?: boolean };
  organizerAcceptance?: number;
  anomalyId?: string;
  posteriors?: Record<string, Posterior>;
  autoApproved?: boolean;
  expiresAt?: string | null;
  contentPreview?: ContentPreview | null;
  timestamp: string;
}

export interface DecisionResolved {
  decisionId: string;
  resolution: Resolution;
  by?: string;
  at: string;
  reason?: string;
  sessionId: string;
  seq?: number;
}

export interface InterventionExecuted {
  intervention_id: string;
  intervention_type: string;
  success: boolean;
  decision_id?: string | null;
  sessionId: string;
  seq?: number;
}

export interface RewardMeasured {
  intervention_id: string;
  pre_engagement?: number;
  post_engagement?: number;
  reward?: number;
  delta?: number;
  success?: boolean;
  holdout?: boolean;
  decision_id?: string | null;
  sessionId: string;
  seq?: number;
}

export interface AgentStatusEvent {
  status: string;
  mode?: AgentMode;
  sessionId: string;
  seq?: number;
}

/** The ack snapshot of `agent:subscribe` (contracts §7.2). */
export interface Snapshot {
  status: string;
  mode: AgentMode;
  pendingDecision: Decision | null;
  lastEngagement: EngagementUpdate | null;
  recentAnomaly: AnomalyDetected | null;
  seq: number;
}

export type SubscribeAck = { success: true; sessionId: string; snapshot: Snapshot } | { success: false; error: string };

/** `GET /agent/sessions` item (contracts §4.5). */
export interface SessionSummary {
  session_id: string;
  event_id: string;
  org_id?: string | null;
  title?: string | null;
  mode: AgentMode;
  status: string;
  is_active: boolean;
  last_score: number | null;
  last_score_at: string | null;
  pending_decisions: number;
  created_at?: string;
}

export interface SessionList {
  total: number;
  sessions: SessionSummary[];
}

/** `GET …/status` (contracts §4.2). */
export interface AgentStatusBody {
  session_id: string;
  mode: AgentMode;
  status: string;
  last_activity: string | null;
  confidence_score: number | null;
  is_active: boolean;
  pending_decision?: { decision_id: string; expires_at: string } | null;
  event_id?: string;
  org_id?: string | null;
}

/** `GET …/decisions` item (contracts §4.7). */
export interface DecisionRecord {
  decision_id: string;
  created_at: string;
  expires_at: string | null;
  intervention_type: string;
  context_key?: string;
  confidence: number;
  posterior_mean?: number;
  probability_best?: number;
  reasoning: string;
  content_preview?: ContentPreview | null;
  state: string;
  resolved_at: string | null;
  resolved_by: string | null;
  intervention_id: string | null;
}

export interface DecisionList {
  session_id: string;
  total: number;
  decisions: DecisionRecord[];
}

/** `GET/PUT …/settings` (contracts §4.8). */
export interface EventSettings {
  event_id?: string;
  org_id?: string | null;
  source?: string;
  agent_enabled: boolean;
  agent_mode: AgentMode;
  auto_approve_threshold: number;
  min_confidence_threshold: number;
  allowed_interventions: InterventionType[] | null;
  max_interventions_per_hour: number;
  holdout_fraction: number;
  approval_timeout_seconds: number;
  notify_on_anomaly?: boolean;
  notify_on_intervention?: boolean;
  notification_emails?: string[] | null;
}

export interface InterventionOutcome {
  executed?: boolean | null;
  success?: boolean | null;
  engagement_before?: number | null;
  engagement_after?: number | null;
  engagement_delta?: number | null;
  reward?: number | null;
  uplift?: number | null;
  confounded?: boolean | null;
  executed_at?: string | null;
  measured_at?: string | null;
  error?: string | null;
}

/** `GET /interventions/history/{session_id}` item (contracts §4.10). */
export interface InterventionRecord {
  id: string;
  session_id: string;
  timestamp: string;
  type: string;
  confidence: number | null;
  reasoning: string;
  status: string;
  decision_id: string | null;
  metadata: {
    question?: string | null;
    options?: string[] | null;
    prompt?: string | null;
    message?: string | null;
    generation_method?: string | null;
    latency_ms?: number | null;
    manual?: boolean;
    [key: string]: unknown;
  } | null;
  outcome: InterventionOutcome | null;
}

export interface InterventionHistory {
  total: number;
  interventions: InterventionRecord[];
}

export interface EngagementPoint {
  timestamp: string;
  score: number;
  category?: string;
  signals?: Signals;
}

export interface AnomalyMarker {
  anomaly_id?: string;
  timestamp: string;
  type: string;
  severity: string;
  current_engagement?: number;
  expected_engagement?: number;
}

export interface InterventionMarker {
  intervention_id: string;
  timestamp: string;
  type: string;
  status: string;
  decision_id?: string | null;
}

/** `GET /sessions/{id}/engagement` (contracts §4.13). */
export interface EngagementWindow {
  session_id: string;
  event_id?: string;
  interval_seconds: number;
  points: EngagementPoint[];
  anomalies: AnomalyMarker[];
  interventions: InterventionMarker[];
}

export interface UpliftRow {
  intervention_type: string;
  context_key: string | null;
  treated_n: number;
  treated_mean: number | null;
  holdout_n: number;
  holdout_mean: number | null;
  uplift: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** `GET /events/{event_id}/uplift` (contracts §4.19). */
export interface Uplift {
  event_id: string;
  arms: UpliftRow[];
  contexts: UpliftRow[];
}

export interface OnboardingStep {
  id: string;
  text: string;
}

/** `GET/PUT /me/onboarding` (contracts §4.18). */
export interface Onboarding {
  user_id?: string;
  completed: boolean;
  steps: OnboardingStep[];
}

/** `POST/GET /simulations` (contracts §4.16). */
export interface Simulation {
  simulation_id: string;
  session_id: string;
  scenario: string;
  started_at: string;
  attendees: number;
  speed: number;
  seed: number;
  state: "RUNNING" | "COMPLETED" | "STOPPED";
  ended_at?: string | null;
  elapsed_seconds?: number;
  signals_emitted?: number;
}

// Attendee room (contracts §7.5).
export interface PollOption {
  id: string;
  text: string;
}

export interface Poll {
  id: string;
  question: string;
  options: PollOption[];
  durationSeconds?: number;
  opensAt?: string;
  closesAt?: string;
}

export interface Challenge {
  id: string;
  template?: string;
  name: string;
  description?: string;
  durationMinutes?: number;
}

export interface Banner {
  type: string;
  interventionId?: string;
  title: string;
  message: string;
  icon?: string;
  timestamp: string;
}

export interface PollClosed {
  sessionId: string;
  pollId: string;
  results: { optionId: string; votes: number }[];
}

export interface RoomLine {
  sessionId: string;
  userId: string;
  text: string;
  timestamp: string;
  questionId?: string;
}

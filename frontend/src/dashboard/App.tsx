import { useEffect, useMemo, useRef, useState } from "react";
import { Api, ApiError, describeError } from "../shared/api";
import { loadConfig } from "../shared/config";
import { decodeClaims, roleOf } from "../shared/token";
import type { AgentMode, PageConfig, Resolution } from "../shared/types";
import { AgentControls } from "./agent/AgentControls";
import { SettingsPanel } from "./agent/SettingsPanel";
import { SignIn } from "./auth/SignIn";
import { DecisionExplainer } from "./decisions/DecisionExplainer";
import { DemoPanel } from "./demo/DemoPanel";
import { EngagementView } from "./engagement/EngagementView";
import { ExportButtons } from "./export/ExportButtons";
import { ActivityLog, InterventionHistoryList, UpliftSummary } from "./feed/ActivityFeed";
import { useAgentStatus, useEngagementWindow, useInterventions, useOnboarding, useSessions, useSettings, useUplift } from "./hooks";
import { emptySession } from "./live/liveState";
import { useLiveSessions } from "./live/useLiveSessions";
import { OnboardingTour } from "./onboarding/OnboardingTour";
import { fallbackSteps } from "./onboarding/tour";
import { Alerts, type Alert } from "./sessions/Alerts";
import { SessionPicker } from "./sessions/SessionPicker";
import { TOKEN_KEY } from "./tokenStore";

const SELECTED_KEY = "conductor.selectedSession";
const TOUR_LOCAL_KEY = "conductor.tourDone";

export function App({ initialToken }: { initialToken: string | null }) {
  const [token, setToken] = useState<string | null>(initialToken);
  const [signInMessage, setSignInMessage] = useState<string | null>(null);
  const [config, setConfig] = useState<PageConfig | null>(null);
  useEffect(() => {
    loadConfig().then(setConfig);
  }, []);

  const signOut = (message: string | null) => {
    sessionStorage.removeItem(TOKEN_KEY);
    setSignInMessage(message);
    setToken(null);
  };
  const signIn = (t: string) => {
    sessionStorage.setItem(TOKEN_KEY, t);
    setSignInMessage(null);
    setToken(t);
  };

  if (!token) return <SignIn message={signInMessage} onToken={signIn} />;
  if (!config) return <p className="muted page" aria-busy="true">Loading…</p>;
  return <Dashboard key={token} token={token} config={config} onSignOut={signOut} />;
}

function Dashboard({ token, config, onSignOut }: { token: string; config: PageConfig; onSignOut: (m: string | null) => void }) {
  const claims = decodeClaims(token);
  const role = claims ? roleOf(claims) : { label: "Unknown token", canWrite: false, canRead: false };
  const api = useMemo(() => new Api(config.apiBase, token), [config.apiBase, token]);
  const [listVersion, setListVersion] = useState(0);
  const sessions = useSessions(api, listVersion);
  const [selected, setSelected] = useState<string | null>(() => sessionStorage.getItem(SELECTED_KEY));
  const [minutes, setMinutes] = useState(15);
  const [showSettings, setShowSettings] = useState(false);

  const select = (id: string) => {
    sessionStorage.setItem(SELECTED_KEY, id);
    setSelected(id);
  };

  useEffect(() => {
    if (sessions.error instanceof ApiError && sessions.error.status === 401) onSignOut(describeError(sessions.error));
  }, [sessions.error, onSignOut]);

  const list = sessions.data?.sessions ?? [];
  const ids = useMemo(() => {
    const all = list.map((s) => s.session_id);
    if (selected && !all.includes(selected)) all.push(selected);
    return all;
  }, [list, selected]);
  const live = useLiveSessions(config, token, ids);
  useEffect(() => {
    if (live.connection === "unauthorized") onSignOut("Your token is not valid any more: sign in again.");
  }, [live.connection, onSignOut]);

  const session = (selected && live.state[selected]) || emptySession();
  const summary = list.find((s) => s.session_id === selected) ?? null;
  const status = useAgentStatus(api, selected, live.connectionEpoch);
  const eventId = summary?.event_id ?? status.data?.event_id ?? null;
  const settings = useSettings(api, eventId);
  const [savedSettings, setSavedSettings] = useState<typeof settings.data>(null);
  useEffect(() => setSavedSettings(null), [eventId]);
  const effectiveSettings = savedSettings ?? settings.data;

  const window_ = useEngagementWindow(api, selected, minutes, live.connectionEpoch);
  const { dispatch } = live;
  useEffect(() => {
    if (selected && window_.data) dispatch({ kind: "history", sessionId: selected, window: window_.data });
  }, [window_.data, selected, dispatch]);
  const history = useInterventions(api, selected, session.historyVersion);
  const uplift = useUplift(api, eventId, session.historyVersion);

  // Onboarding: the server's record, or (without that endpoint) this browser's memory.
  const onboarding = useOnboarding(api, eventId);
  const [tourOpen, setTourOpen] = useState<boolean | null>(null);
  useEffect(() => {
    if (tourOpen !== null || !onboarding.settled) return;
    if (onboarding.error) setTourOpen(false);
    else if (onboarding.data) setTourOpen(!onboarding.data.completed);
    else setTourOpen(localStorage.getItem(TOUR_LOCAL_KEY) !== "1");
  }, [onboarding.data, onboarding.settled, onboarding.error, tourOpen]);
  const tourSteps =
    onboarding.data?.steps ?? fallbackSteps(session.intervalSeconds ?? window_.data?.interval_seconds ?? 5, effectiveSettings?.approval_timeout_seconds ?? 120);
  const finishTour = async () => {
    setTourOpen(false);
    localStorage.setItem(TOUR_LOCAL_KEY, "1");
    if (onboarding.data) {
      try {
        await api.put("/me/onboarding", { completed: true });
      } catch {
        // remembered locally; the server is told next time
      }
    }
  };

  // Alerts for anomalies on sessions that are not on screen.
  const openedAt = useRef(Date.now());
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const seen = useRef<Set<string>>(new Set());
  useEffect(() => {
    for (const [id, s] of Object.entries(live.state)) {
      const a = s.lastAnomaly;
      if (!a || id === selected) continue;
      const key = `${id}:${a.anomalyId ?? a.timestamp}:${a.severity}`;
      if (seen.current.has(key) || Date.parse(a.timestamp) < openedAt.current - 60_000) continue;
      seen.current.add(key);
      setAlerts((list) => [{ key, anomaly: a }, ...list].slice(0, 5));
    }
  }, [live.state, selected]);

  const onResolved = (decisionId: string, resolution: Resolution) => {
    if (!selected) return;
    dispatch({ kind: "resolvedLocally", sessionId: selected, decisionId, resolution, by: claims?.sub ?? "me", at: new Date().toISOString() });
  };
  const onModeChanged = (mode: AgentMode) => selected && dispatch({ kind: "mode", sessionId: selected, mode });

  const connectionText = {
    connecting: "Connecting…",
    connected: "● Live",
    reconnecting: "○ Reconnecting…",
    unauthorized: "Signed out",
  }[live.connection];

  return (
    <div className="app">
      <header className="topbar">
        <h1>Engagement Conductor</h1>
        <span className={`conn ${live.connection}`} role="status" data-testid="connection">
          {connectionText}
        </span>
        <span className="who" data-testid="role">
          {claims?.email ?? claims?.sub ?? "?"} · {role.label}
        </span>
        <button type="button" onClick={() => setTourOpen(true)}>
          Tour
        </button>
        <button type="button" onClick={() => onSignOut(null)}>
          Sign out
        </button>
      </header>
      <Alerts alerts={alerts} onOpen={select} onDismiss={(k) => setAlerts((l) => l.filter((a) => a.key !== k))} />
      <div className="layout">
        <aside>
          <h2>Live sessions</h2>
          <SessionPicker
            sessions={list}
            live={live.state}
            selected={selected}
            onSelect={select}
            loading={sessions.loading}
            error={sessions.error ? describeError(sessions.error) : null}
          />
          <DemoPanel
            api={api}
            canWrite={role.canWrite}
            selectedSessionId={selected}
            onStarted={(id) => {
              select(id);
              setListVersion((v) => v + 1);
            }}
          />
        </aside>
        <main>
          {!selected ? (
            <p className="empty" data-testid="no-session">
              Pick a live session, or start the demo.
            </p>
          ) : (
            <>
              <h2 className="session-heading" data-testid="session-heading">
                {summary?.title || selected} <span className="muted small">{eventId ? `event ${eventId}` : ""}</span>
              </h2>
              {live.subscribeErrors[selected] && (
                <p role="alert" className="error">
                  Live updates unavailable for this session ({live.subscribeErrors[selected]}).
                </p>
              )}
              <div className="columns">
                <div>
                  <AgentControls
                    api={api}
                    sessionId={selected}
                    eventId={eventId}
                    mode={session.mode ?? status.data?.mode ?? null}
                    status={session.status ?? status.data?.status ?? null}
                    lastActivity={session.lastActivity ?? status.data?.last_activity ?? null}
                    settings={effectiveSettings}
                    canWrite={role.canWrite}
                    onModeChanged={onModeChanged}
                  />
                  {eventId && (
                    <details className="card" open={showSettings} onToggle={(e) => setShowSettings((e.target as HTMLDetailsElement).open)}>
                      <summary>Event settings</summary>
                      {showSettings && (
                        <SettingsPanel
                          api={api}
                          eventId={eventId}
                          settings={effectiveSettings}
                          loadError={settings.error}
                          canWrite={role.canWrite}
                          onSaved={setSavedSettings}
                        />
                      )}
                    </details>
                  )}
                  <DecisionExplainer
                    api={api}
                    sessionId={selected}
                    pending={session.pending}
                    lastResolved={session.lastResolved}
                    canWrite={role.canWrite}
                    onResolved={onResolved}
                  />
                </div>
                <div>
                  <EngagementView
                    points={session.points}
                    anomalies={session.anomalies}
                    interventions={session.interventions}
                    records={history.data?.interventions ?? []}
                    intervalSeconds={session.intervalSeconds}
                    minutes={minutes}
                    onMinutes={setMinutes}
                    loading={window_.loading}
                    error={window_.error ? describeError(window_.error) : null}
                  />
                  <section className="card" aria-labelledby="feed-heading">
                    <h2 id="feed-heading">Interventions and outcomes</h2>
                    <ExportButtons api={api} sessionId={selected} />
                    <UpliftSummary uplift={uplift.data ?? null} />
                    <InterventionHistoryList
                      records={history.data?.interventions ?? []}
                      loading={history.loading}
                      error={history.error ? describeError(history.error) : null}
                    />
                    <h3>Live activity</h3>
                    <ActivityLog items={session.activity} />
                  </section>
                  <p className="small muted">
                    Attendee page for this session: <a href={`/attend/${encodeURIComponent(selected)}`}>/attend/{selected}</a> (sign in there with an
                    attendee token).
                  </p>
                </div>
              </div>
            </>
          )}
        </main>
      </div>
      {tourOpen && <OnboardingTour steps={tourSteps} onDone={finishTour} />}
    </div>
  );
}

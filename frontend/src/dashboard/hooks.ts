// One hook per REST data source (conventions §15).
import { useEffect } from "react";
import { Api, ApiError, enc } from "../shared/api";
import { useResource, type Resource } from "../shared/useResource";
import type {
  AgentStatusBody,
  DecisionList,
  EngagementWindow,
  EventSettings,
  InterventionHistory,
  Onboarding,
  SessionList,
  Uplift,
} from "../shared/types";

export function useSessions(api: Api, version: number): Resource<SessionList> {
  const r = useResource(`sessions:${version}`, () => api.get<SessionList>("/agent/sessions?active=true&limit=50"));
  useEffect(() => {
    const t = window.setInterval(r.reload, 15000);
    return () => window.clearInterval(t);
  }, [r.reload]);
  return r;
}

export function useAgentStatus(api: Api, sessionId: string | null, version: number): Resource<AgentStatusBody> {
  return useResource(sessionId && `status:${sessionId}:${version}`, () =>
    api.get<AgentStatusBody>(`/agent/sessions/${enc(sessionId ?? "")}/status`),
  );
}

export function useSettings(api: Api, eventId: string | null): Resource<EventSettings> {
  return useResource(eventId && `settings:${eventId}`, () => api.get<EventSettings>(`/agent/events/${enc(eventId ?? "")}/settings`));
}

export function useDecisions(api: Api, sessionId: string | null, version: number): Resource<DecisionList> {
  return useResource(sessionId && `decisions:${sessionId}:${version}`, () =>
    api.get<DecisionList>(`/agent/sessions/${enc(sessionId ?? "")}/decisions?state=all&limit=20`),
  );
}

export function useEngagementWindow(api: Api, sessionId: string | null, minutes: number, epoch: number): Resource<EngagementWindow> {
  return useResource(sessionId && `engagement:${sessionId}:${minutes}:${epoch}`, () => {
    const since = new Date(Date.now() - minutes * 60_000).toISOString();
    return api.get<EngagementWindow>(`/sessions/${enc(sessionId ?? "")}/engagement?since=${enc(since)}&limit=1000`);
  });
}

export function useInterventions(api: Api, sessionId: string | null, version: number): Resource<InterventionHistory> {
  return useResource(sessionId && `history:${sessionId}:${version}`, () =>
    api.get<InterventionHistory>(`/interventions/history/${enc(sessionId ?? "")}?limit=50`),
  );
}

/** The uplift summary; an absent endpoint (404) reads as "no data" rather than an error. */
export function useUplift(api: Api, eventId: string | null, version: number): Resource<Uplift | null> {
  return useResource(eventId && `uplift:${eventId}:${version}`, async () => {
    try {
      return await api.get<Uplift>(`/events/${enc(eventId ?? "")}/uplift`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  });
}

/** The caller's tour record; null when the server has no onboarding endpoint. */
export function useOnboarding(api: Api, eventId: string | null): Resource<Onboarding | null> {
  return useResource(`onboarding:${eventId ?? ""}`, async () => {
    try {
      return await api.get<Onboarding>(`/me/onboarding${eventId ? `?event_id=${enc(eventId)}` : ""}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  });
}

import type { PageConfig } from "./types";

/**
 * The page configuration (contracts §1 `GET /dashboard/config.json`). When the server does not serve it, the
 * pages fall back to the same defaults: the Socket.IO port 3002 on this page's host, or the `socketUrl` query
 * parameter when one is given.
 */
export function fallbackConfig(loc: { protocol: string; hostname: string; search: string }): PageConfig {
  const override = new URLSearchParams(loc.search).get("socketUrl");
  return {
    socketUrl: override ?? `${loc.protocol}//${loc.hostname}:3002`,
    socketPath: "/socket.io",
    namespace: "/events",
    apiBase: "/api/v1",
  };
}

export async function loadConfig(): Promise<PageConfig> {
  const fallback = fallbackConfig(window.location);
  try {
    const res = await fetch("/dashboard/config.json", { headers: { Accept: "application/json" } });
    if (!res.ok) return fallback;
    const body = (await res.json()) as Partial<PageConfig>;
    return {
      socketUrl: typeof body.socketUrl === "string" ? body.socketUrl : fallback.socketUrl,
      socketPath: typeof body.socketPath === "string" ? body.socketPath : fallback.socketPath,
      namespace: typeof body.namespace === "string" ? body.namespace : fallback.namespace,
      apiBase: typeof body.apiBase === "string" ? body.apiBase : fallback.apiBase,
      version: body.version,
    };
  } catch {
    return fallback;
  }
}

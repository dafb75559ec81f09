// Tokens (contracts §3): read from the URL fragment `#token=` (never sent to a server), or pasted.

export interface Claims {
  sub: string;
  email?: string;
  orgId?: string;
  role?: string;
  permissions: string[];
  isPlatformAdmin: boolean;
  exp?: number;
}

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, read without verifying it (the server verifies); null when it is not a JWT. */
export function decodeClaims(token: string): Claims | null {
  const parts = token.trim().split(".");
  if (parts.length !== 3) return null;
  try {
    const raw: unknown = JSON.parse(base64UrlDecode(parts[1]));
    if (typeof raw !== "object" || raw === null) return null;
    const o = raw as Record<string, unknown>;
    if (typeof o["sub"] !== "string") return null;
    return {
      sub: o["sub"],
      email: typeof o["email"] === "string" ? o["email"] : undefined,
      orgId: typeof o["orgId"] === "string" ? o["orgId"] : undefined,
      role: typeof o["role"] === "string" ? o["role"] : undefined,
      permissions: Array.isArray(o["permissions"]) ? o["permissions"].filter((p): p is string => typeof p === "string") : [],
      isPlatformAdmin: o["isPlatformAdmin"] === true,
      exp: typeof o["exp"] === "number" ? o["exp"] : undefined,
    };
  } catch {
    return null;
  }
}

/** What the token lets its holder do, as the dashboard shows it (contracts §3.5). */
export function roleOf(claims: Claims): { label: string; canWrite: boolean; canRead: boolean } {
  const p = claims.permissions;
  const canWrite = p.includes("event:manage") || p.includes("*");
  const canRead = canWrite || p.includes("dashboard:read:live");
  if (!claims.orgId) return { label: "Attendee", canWrite: false, canRead: false };
  const base = canWrite ? "Organizer" : canRead ? "Viewer (read only)" : "No dashboard permission";
  const role = claims.role ? ` · ${claims.role}` : "";
  const admin = claims.isPlatformAdmin ? " · platform admin" : "";
  return { label: base + role + admin, canWrite, canRead };
}

/** The token in a URL fragment such as `#token=eyJ…&x=1`, or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const t = params.get("token");
  return t && t.trim().length > 0 ? t.trim() : null;
}

/** True when the token's `exp` has passed at `nowMs`. */
export function isExpired(claims: Claims, nowMs: number): boolean {
  return claims.exp !== undefined && claims.exp * 1000 < nowMs;
}

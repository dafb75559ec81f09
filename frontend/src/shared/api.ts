// The REST client: bearer token, JSON bodies and RFC 9457 problems (contracts §4.0, §5).

export interface FieldError {
  field: string;
  message: string;
}

/** A non-2xx answer, with the problem body's stable `code` when the server sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly retryAfter: number | null;
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, detail: string, errors: FieldError[], extra: Record<string, unknown>) {
    super(detail);
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.extra = extra;
    const retry = extra["retryAfter"];
    this.retryAfter = typeof retry === "number" ? retry : null;
  }

  /** True when the server does not have this endpoint (for example an older server). */
  get missing(): boolean {
    return this.status === 404 && (this.code === "not_found" || this.code === "http_404");
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Builds an {@link ApiError} from a status and a parsed body (problem+json or anything else). */
export function problemOf(status: number, body: unknown): ApiError {
  if (isRecord(body)) {
    const code = typeof body["code"] === "string" ? body["code"] : `http_${status}`;
    const detail =
      typeof body["detail"] === "string"
        ? body["detail"]
        : typeof body["message"] === "string"
          ? body["message"]
          : typeof body["title"] === "string"
            ? body["title"]
            : `HTTP ${status}`;
    const errors: FieldError[] = Array.isArray(body["errors"])
      ? body["errors"].filter(isRecord).map((e) => ({ field: String(e["field"] ?? ""), message: String(e["message"] ?? "") }))
      : [];
    return new ApiError(status, code, detail, errors, body);
  }
  return new ApiError(status, `http_${status}`, `HTTP ${status}`, [], {});
}

/** A human sentence for an error, as the pages show it. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 401) return "Your token is not valid any more: sign in again.";
    if (e.status === 403) return "Your token does not allow this (" + e.message + ").";
    if (e.code === "intervention_blocked") {
      const reason = typeof e.extra["reason"] === "string" ? e.extra["reason"] : "blocked";
      return `Blocked (${reason})` + (e.retryAfter !== null ? `: retry in ${e.retryAfter} s.` : ".");
    }
    if (e.code === "rate_limited") return `Too many requests: retry in ${e.retryAfter ?? 1} s.`;
    return e.message;
  }
  if (e instanceof Error) return "Cannot reach the server: " + e.message;
  return String(e);
}

export type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

export class Api {
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly fetcher: Fetcher = (i, init) => fetch(i, init),
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}`, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await this.fetcher(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    if (!res.ok) throw problemOf(res.status, parsed);
    return parsed as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>("PUT", path, body);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>("POST", path, body ?? {});
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>("DELETE", path);
  }

  /** A file download (the export, contracts §4.15): the body and the file name of Content-Disposition. */
  async download(path: string): Promise<{ blob: Blob; filename: string | null }> {
    const res = await this.fetcher(this.base + path, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!res.ok) {
      let parsed: unknown = null;
      try {
        parsed = await res.json();
      } catch {
        parsed = null;
      }
      throw problemOf(res.status, parsed);
    }
    return { blob: await res.blob(), filename: filenameOf(res.headers.get("Content-Disposition")) };
  }
}

/** The file name of a Content-Disposition header, or null. */
export function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  return m ? decodeURIComponent(m[1]) : null;
}

export const enc = encodeURIComponent;

import { describe, expect, it } from "vitest";
import { Api, ApiError, describeError, filenameOf, problemOf } from "./api";

describe("REST client", () => {
  it("reads the stable code, detail and field errors of a problem body", () => {
    const e = problemOf(400, {
      code: "validation_failed",
      detail: "mode must be one of MANUAL, SEMI_AUTO, AUTO",
      errors: [{ field: "mode", message: "must be one of MANUAL, SEMI_AUTO, AUTO" }],
    });
    expect(e.code).toBe("validation_failed");
    expect(e.message).toBe("mode must be one of MANUAL, SEMI_AUTO, AUTO");
    expect(e.errors).toEqual([{ field: "mode", message: "must be one of MANUAL, SEMI_AUTO, AUTO" }]);
  });

  it("explains a blocked approval with its reason and retry time", () => {
    const e = problemOf(422, { code: "intervention_blocked", detail: "blocked", reason: "cooldown", retryAfter: 60 });
    expect(describeError(e)).toBe("Blocked (cooldown): retry in 60 s.");
  });

  it("sends the bearer token and JSON body, and throws ApiError on failure", async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const api = new Api("/api/v1", "tok", async (url, init) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ code: "decision_not_pending", detail: "already approved", state: "APPROVED" }), { status: 409 });
    });
    const err = await api.post("/agent/sessions/s/decisions/d/approve").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).extra["state"]).toBe("APPROVED");
    expect(calls[0].url).toBe("/api/v1/agent/sessions/s/decisions/d/approve");
    expect((calls[0].init?.headers as Record<string, string>)["Authorization"]).toBe("Bearer tok");
    expect(calls[0].init?.body).toBe("{}");
  });

  it("takes the export's file name from Content-Disposition", () => {
    expect(filenameOf('attachment; filename="intervention-report-sess_42.csv"')).toBe("intervention-report-sess_42.csv");
    expect(filenameOf(null)).toBeNull();
  });
});

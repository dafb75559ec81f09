import { describe, expect, it } from "vitest";
import { decodeClaims, isExpired, roleOf, tokenFromHash } from "./token";

const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const jwt = (claims: object) => `${b64({ alg: "HS256" })}.${b64(claims)}.sig`;
const organizer = jwt({ sub: "dev-organizer", email: "organizer@localhost", orgId: "dev-org", role: "OWNER", permissions: ["event:manage", "dashboard:read:live"], exp: 2000000000 });

describe("tokens", () => {
  it("reads the token from the URL fragment", () => {
    expect(tokenFromHash(`#token=${organizer}`)).toBe(organizer);
    expect(tokenFromHash("#other=1")).toBeNull();
    expect(tokenFromHash("")).toBeNull();
  });

  it("shows an organizer's role from the claims", () => {
    const c = decodeClaims(organizer);
    expect(c?.sub).toBe("dev-organizer");
    expect(c && roleOf(c)).toEqual({ label: "Organizer · OWNER", canWrite: true, canRead: true });
  });

  it("tells readers and attendees apart", () => {
    const reader = decodeClaims(jwt({ sub: "u8", orgId: "o", permissions: ["dashboard:read:live"] }));
    expect(reader && roleOf(reader)).toEqual({ label: "Viewer (read only)", canWrite: false, canRead: true });
    const attendee = decodeClaims(jwt({ sub: "att", permissions: [] }));
    expect(attendee && roleOf(attendee).label).toBe("Attendee");
  });

  it("rejects text that is not a JWT", () => {
    expect(decodeClaims("hello")).toBeNull();
    expect(decodeClaims("a.b.c")).toBeNull();
  });

  it("knows when a token has expired", () => {
    const c = decodeClaims(jwt({ sub: "x", exp: 100 }));
    expect(c && isExpired(c, 101_000)).toBe(true);
    expect(c && isExpired(c, 99_000)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { fallbackConfig } from "./config";

describe("page configuration fallback", () => {
  it("uses the Socket.IO port 3002 on the page's host", () => {
    expect(fallbackConfig({ protocol: "http:", hostname: "127.0.0.1", search: "" })).toEqual({
      socketUrl: "http://127.0.0.1:3002",
      socketPath: "/socket.io",
      namespace: "/events",
      apiBase: "/api/v1",
    });
  });

  it("takes a socketUrl query parameter", () => {
    expect(fallbackConfig({ protocol: "http:", hostname: "h", search: "?socketUrl=http://h:4000" }).socketUrl).toBe("http://h:4000");
  });
});

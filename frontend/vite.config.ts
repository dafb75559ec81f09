import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Two pages, built into the jar's static resources (contracts §1): /dashboard/ and /attend/{sessionId}.
// Every asset lives under /dashboard/assets/, so both pages load them by absolute path.
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: "/",
  build: {
    outDir: resolve(here, "../target/classes/static"),
    emptyOutDir: false,
    assetsDir: "dashboard/assets",
    rollupOptions: {
      input: {
        dashboard: resolve(here, "dashboard/index.html"),
        attend: resolve(here, "attend/index.html"),
      },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});

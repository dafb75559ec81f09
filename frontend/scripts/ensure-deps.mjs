// Runs `npm ci` only when node_modules is missing or package-lock.json changed since the last install,
// so that repeated Maven builds stay fast.
import { createHash } from "node:crypto";
import { execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lock = join(root, "package-lock.json");
const stamp = join(root, "node_modules", ".lock-sha256");
const hash = createHash("sha256").update(readFileSync(lock)).digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash) {
  console.log("frontend: dependencies up to date");
} else {
  console.log("frontend: npm ci");
  execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, hash + "\n");
}

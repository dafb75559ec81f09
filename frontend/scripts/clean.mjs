// Removes the previous build of both pages, so stale hashed assets do not pile up in the jar.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const statics = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "target", "classes", "static");
for (const page of ["dashboard", "attend"]) rmSync(join(statics, page), { recursive: true, force: true });

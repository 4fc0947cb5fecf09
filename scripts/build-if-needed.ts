// Runs `next build` when there is no production build or a source file is newer than it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package.json",
  "postcss.config.mjs",
];
const SKIP = new Set(["node_modules", ".next", ".data", "migrations"]);

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return entry.endsWith(".test.ts") ? 0 : stat.mtimeMs;
  // A folder's own time moves when a file in it is added, renamed or deleted.
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (!SKIP.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/**
 * `typechecked`: the caller's sources were just checked by `npm run typecheck` (the e2e suite, which
 * `npm test` runs after it), so the build skips its own TypeScript pass.
 */
export function buildIfNeeded(options: { typechecked?: boolean } = {}): void {
  const buildId = path.join(".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestMtime))) return;
  console.log(built ? "Sources changed since the last build: building…" : "No production build yet: building…");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.typechecked ? { HOLDFAST_BUILD_TYPECHECKED: "1" } : {}),
    },
  });
  if (result.status !== 0) throw new Error("next build failed.");
}

// The npm scripts' commands run as a user runs them, in a child process on an embedded database of
// their own. Node runs tsx's loader itself: through `npx tsx` each start cost about three seconds more.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

/** A new data folder per call, removed after each test of the file that calls this at its top. */
export function tempDataDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `holdfast-${prefix}-`));
    dirs.push(dir);
    return dir;
  };
}

/** Runs `scripts/<script>.ts` with `args` on the embedded database in `dir` (never a configured server). */
export function runScript(script: string, args: string[], dir: string, unset: string[] = []) {
  const env: NodeJS.ProcessEnv = { ...process.env, HOLDFAST_DATA_DIR: dir, NODE_ENV: "production" };
  for (const name of ["DATABASE_URL", ...unset]) delete env[name];
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    env,
    encoding: "utf8",
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

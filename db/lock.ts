// PGlite has no lock between processes: one process per data folder, enforced with a pid file.
import fs from "node:fs";
import path from "node:path";

const LOCK_FILE = "holdfast.lock";

/** The system error code of a failed call (EPERM, EEXIST …), if it has one. */
const codeOf = (error: unknown): unknown => (error instanceof Error && "code" in error ? error.code : undefined);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === "EPERM";
  }
}

export function acquireDataDirLock(dir: string): void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(file, "utf8").trim());
      if (holder === process.pid) return;
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${holder} (probably the Holdfast server). ` +
            "Stop it first, or set DATABASE_URL to use PostgreSQL, which allows many processes.",
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dir}.`);
}

export function releaseDataDirLock(dir: string): void {
  const file = path.join(dir, LOCK_FILE);
  try {
    if (Number(fs.readFileSync(file, "utf8").trim()) === process.pid) fs.rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}

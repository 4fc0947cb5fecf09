import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, releaseDataDirLock } from "./lock";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("PGlite data folder lock", () => {
  it("refuses a folder held by another live process, naming it", () => {
    const dir = tempDir();
    // The parent process (the test runner) is alive: it plays the server holding the folder.
    fs.writeFileSync(path.join(dir, "holdfast.lock"), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it("takes over a lock left by a process that has exited, and releases it", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "holdfast.lock"), "2147483646");
    acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "holdfast.lock"), "utf8")).toBe(String(process.pid));
    releaseDataDirLock(dir);
    expect(fs.existsSync(path.join(dir, "holdfast.lock"))).toBe(false);
  });
});

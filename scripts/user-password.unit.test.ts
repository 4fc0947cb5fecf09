// `npm run user:password`: refuses an embedded database the server holds; otherwise prints a
// one-time password that signs in once and must then be changed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript, tempDataDirs } from "@/test/cli";

const dataDir = tempDataDirs("user-password");
const cli = (script: string, args: string[], dir: string) => runScript(script, args, dir);

// Each case starts the command with tsx (seconds on a busy machine): the time limit is a minute, not 5 s.
describe("npm run user:password", { timeout: 60_000 }, () => {
  it("refuses while a running server holds the embedded database, and changes nothing", () => {
    const dir = dataDir();
    fs.mkdirSync(path.join(dir, "pglite"), { recursive: true });
    // The test runner's parent is alive: it plays the server holding the folder.
    fs.writeFileSync(path.join(dir, "pglite", "holdfast.lock"), String(process.ppid));
    const { code, out, err } = cli("user-password", ["--email", "someone@example.com"], dir);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`in use by process ${process.ppid}.*Stop it first`));
    expect(out).not.toMatch(/One-time password/);
    expect(fs.readdirSync(path.join(dir, "pglite"))).toEqual(["holdfast.lock"]);
  });

  it("names a bad address before opening anything", () => {
    const dir = dataDir();
    const bad = cli("user-password", ["--email", "not-an-address"], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--email: email must be a valid e-mail address/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("prints a one-time password that replaces the old one and must be changed", async () => {
    const dir = dataDir();
    const created = cli(
      "user-create",
      ["--email", "ops@example.com", "--role", "admin", "--password", "operator chosen 1"],
      dir,
    );
    expect(created.code, created.err).toBe(0);
    const reset = cli("user-password", ["--email", "OPS@example.com"], dir);
    expect(reset.code, reset.err).toBe(0);
    const password = /One-time password for ops@example.com: (\S+)/.exec(reset.out)?.[1] ?? "";
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const { openPglite } = await import("@/db/client");
    const { verifyCredentials } = await import("@/db/queries/users");
    const handle = await openPglite(path.join(dir, "pglite"));
    try {
      expect(await verifyCredentials(handle.db, "ops@example.com", "operator chosen 1")).toBeNull();
      expect(await verifyCredentials(handle.db, "ops@example.com", password)).toMatchObject({
        mustChangePassword: true,
      });
    } finally {
      await handle.close();
    }
  }, 180_000);
});

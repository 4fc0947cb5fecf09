// `npm run apikey:create`: names a refused scope before opening anything, and makes a key with the
// scopes asked for (a key for cancel sessions has only `cancel`), printed once and stored as a hash.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript, tempDataDirs } from "@/test/cli";

const dataDir = tempDataDirs("apikey-create");
const cli = (args: string[], dir: string) => runScript("apikey-create", args, dir);

// Each case starts the command with tsx (seconds on a busy machine): the time limit is two minutes.
describe("npm run apikey:create", { timeout: 120_000 }, () => {
  it("names a scope it does not know before opening anything", () => {
    const dir = dataDir();
    const refused = cli(["--name", "Cancel button", "--scopes", "cancel,write"], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/--scopes: scopes must be among ingest, read, cancel/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("makes a key with only the cancel scope and prints it once", async () => {
    const dir = dataDir();
    const made = cli(["--name", "Cancel button", "--scopes", "cancel"], dir);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain("“Cancel button” (cancel; 600 requests a minute)");
    const key = /\n {2}(hf_\S+)\n/.exec(made.out)?.[1] ?? "";
    expect(key).toMatch(/^hf_/);
    const { openPglite } = await import("@/db/client");
    const { authenticateApiKey } = await import("@/db/queries/api-keys");
    const handle = await openPglite(path.join(dir, "pglite"));
    try {
      expect(await authenticateApiKey(handle.db, key)).toMatchObject({ name: "Cancel button", scopes: ["cancel"] });
    } finally {
      await handle.close();
    }
  });
});

// `npm run webhook:create`: checks the URL and events before opening anything, refuses an embedded
// database the server holds, and otherwise prints the endpoint's signing secret once.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript, tempDataDirs } from "@/test/cli";

const dataDir = tempDataDirs("webhook-create");
const cli = (args: string[], dir: string) => runScript("webhook-create", args, dir, ["ALLOW_PRIVATE_WEBHOOKS"]);

// A literal public address: the check needs no name lookup (this machine may have no DNS).
const PUBLIC_URL = "https://93.184.216.34/holdfast/hooks";

// Each case starts the command with tsx (seconds on a busy machine): the time limit is a minute.
describe("npm run webhook:create", { timeout: 60_000 }, () => {
  it("names a refused URL or event before opening anything", () => {
    const dir = dataDir();
    const private10 = cli(["--url", "https://10.0.0.1/hook"], dir);
    expect(private10.code).toBe(1);
    expect(private10.err).toMatch(
      /--url: URL must not point to a private, loopback or link-local address \(10\.0\.0\.1\)/,
    );
    const plain = cli(["--url", "http://93.184.216.34/hook"], dir);
    expect(plain.err).toMatch(/--url: URL must use https\./);
    const events = cli(["--url", PUBLIC_URL, "--events", "account.deleted"], dir);
    expect(events.code).toBe(1);
    expect(events.err).toMatch(/--events: events must be among account\.entered_queue, cancel_session\.completed/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses while a running server holds the embedded database", () => {
    const dir = dataDir();
    fs.mkdirSync(path.join(dir, "pglite"), { recursive: true });
    // The test runner's parent is alive: it plays the server holding the folder.
    fs.writeFileSync(path.join(dir, "pglite", "holdfast.lock"), String(process.ppid));
    const { code, out, err } = cli(["--url", PUBLIC_URL], dir);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`in use by process ${process.ppid}.*Stop it first`));
    expect(out).not.toMatch(/whsec_/);
  });

  it("adds the endpoint and prints its secret once", async () => {
    const dir = dataDir();
    const made = cli(["--url", PUBLIC_URL, "--events", "account.entered_queue", "--description", "Billing"], dir);
    expect(made.code, made.err).toBe(0);
    const secret = /\n {2}(whsec_\S+)\n/.exec(made.out)?.[1] ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { openPglite } = await import("@/db/client");
    const { listWebhookEndpoints, getWebhookEndpoint } = await import("@/db/queries/webhooks");
    const handle = await openPglite(path.join(dir, "pglite"));
    try {
      const [endpoint] = await listWebhookEndpoints(handle.db);
      expect(endpoint).toMatchObject({ url: PUBLIC_URL, events: ["account.entered_queue"], description: "Billing" });
      expect((await getWebhookEndpoint(handle.db, endpoint?.id ?? ""))?.secret).toBe(secret);
    } finally {
      await handle.close();
    }
  });
});

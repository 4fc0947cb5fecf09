// Stopping an ingesting process that holds an embedded PGlite database: gracefully (SIGTERM) and
// abruptly (SIGKILL), then reopening the data folder and counting what survived.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sum } from "drizzle-orm";
import { openPglite } from "@/db/client";
import { migrate } from "@/db/migrate";
import { createApiKey } from "@/db/queries/api-keys";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { allChecked, ingestBatch } from "@/db/queries/ingest";
import { activityUserMonths } from "@/db/schema";

export interface StopReport {
  signal: "SIGTERM" | "SIGKILL";
  acknowledged: number;
  reopened: boolean;
  /** Batches whose events are in the reopened database (200 events each). */
  present: number | null;
  error?: string;
}

export async function stopPgliteWhileIngesting(signal: "SIGTERM" | "SIGKILL", afterAcks = 5): Promise<StopReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "holdfast-pglite-stop-"));
  const data = path.join(dir, "pglite");
  try {
    const setup = await openPglite(data);
    await migrate(setup);
    await ingestBatch(setup.db, "accounts", allChecked([{ externalId: "stop-1", name: "Stop test" }]), SYSTEM_ACTOR);
    const { key } = await createApiKey(setup.db, { name: "stop", scopes: ["ingest"] }, SYSTEM_ACTOR);
    await setup.close();

    const child = spawn(process.execPath, ["--import", "tsx", "test/faults/pglite-child.ts", data, key, "stop-1"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let acknowledged = 0;
    let signalled = false;
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      acknowledged += (chunk.match(/^ack /gm) ?? []).length;
      if (!signalled && acknowledged >= afterAcks) {
        signalled = true;
        child.kill(signal);
      }
    });
    await exited;
    try {
      const reopened = await openPglite(data);
      const [row] = await reopened.db
        .select({ n: sum(activityUserMonths.events).mapWith(Number) })
        .from(activityUserMonths);
      await reopened.close();
      return { signal, acknowledged, reopened: true, present: (row?.n ?? 0) / 200 };
    } catch (error) {
      return {
        signal,
        acknowledged,
        reopened: false,
        present: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Ingestion throughput: activity events POSTed to the real HTTP API (next start) in batches of
// 5,000, beside a COPY of the same rows into a plain table, in the same run, with the ratio.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { exited, serve, waitForHealth } from "@/scripts/serve";

export interface IngestFigures {
  events: number;
  apiSeconds: number;
  apiPerSecond: number;
  copySeconds: number;
  copyPerSecond: number;
}

const FEATURES = ["dashboards", "reports", "alerts", "automations", "integrations", "exports", "sharing", "api"];

/** The item of a non-empty list at fraction r (0 ≤ r < 1) of its length; "" for an empty list. */
const pick = (list: readonly string[], r: number): string => list[Math.floor(r * list.length)] ?? "";

/** Deterministic activity events over the given accounts, within the 28 days before `anchor`. */
export function activityBatches(accounts: string[], batches: number, size: number, anchor: Date) {
  let x = 12345;
  const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
  return Array.from({ length: batches }, () =>
    Array.from({ length: size }, () => ({
      accountExternalId: pick(accounts, rand()),
      userRef: `u${String(1 + Math.floor(rand() * 12)).padStart(3, "0")}`,
      feature: pick(FEATURES, rand()),
      occurredAt: new Date(anchor.getTime() - Math.floor(rand() * 28 * 86_400_000)).toISOString(),
    })),
  );
}

/**
 * Bodies are serialised before the clock starts: the figure is the server's throughput, and on a
 * 2-core machine the client's JSON work would otherwise be taken from it.
 */
export async function postBatches(
  url: string,
  key: string,
  batches: unknown[][],
  concurrency: number,
): Promise<number> {
  const bodies = batches.map((items) => JSON.stringify({ items }));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await fetch(`${url}/api/v1/activity`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body,
        });
        if (response.status !== 200)
          throw new Error(`activity batch answered ${response.status}: ${await response.text()}`);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Runs `next start` against the given database settings for the duration of `fn`. */
export async function withServer<T>(
  port: number,
  env: Record<string, string>,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const url = `http://127.0.0.1:${port}`;
  if (
    await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`Port ${port} is already in use: stop what runs there first.`);
  const server = serve(port, { AUTH_SECRET: "bench-secret-0123456789abcdef0123456789", ...env });
  try {
    if (!(await waitForHealth(url, 120_000))) throw new Error("The bench server did not start.");
    return await fn(url);
  } finally {
    server.kill("SIGTERM");
    await exited(server);
  }
}

const csvOf = (rows: { accountExternalId: string; userRef: string; feature: string; occurredAt: string }[]) =>
  rows.map((r) => `${r.accountExternalId},${r.userRef},${r.feature},${r.occurredAt}\n`).join("");

const RAW_TABLE =
  "create table if not exists bench_activity_raw (account_external_id text, user_ref text, feature text, occurred_at timestamptz)";

export async function copyPostgres(
  url: string,
  batches: { accountExternalId: string; userRef: string; feature: string; occurredAt: string }[][],
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(RAW_TABLE);
  await client.query("truncate bench_activity_raw");
  const started = performance.now();
  const stream = client.query(copyFrom("copy bench_activity_raw from stdin with (format csv)"));
  await pipeline(Readable.from(batches.map(csvOf)), stream);
  const seconds = (performance.now() - started) / 1000;
  await client.query("drop table bench_activity_raw");
  await client.end();
  return seconds;
}

export async function copyPglite(
  dir: string,
  batches: { accountExternalId: string; userRef: string; feature: string; occurredAt: string }[][],
): Promise<number> {
  const db = await PGlite.create(dir);
  await db.exec(RAW_TABLE);
  const started = performance.now();
  for (const batch of batches) {
    await db.query("copy bench_activity_raw from '/dev/blob' with (format csv)", [], {
      blob: new Blob([csvOf(batch)]),
    });
  }
  const seconds = (performance.now() - started) / 1000;
  await db.exec("drop table bench_activity_raw");
  await db.close();
  return seconds;
}

// The job queue's throughput: no-op jobs through one worker on embedded PGlite, and through two
// workers on two pools (two servers) on PostgreSQL, counting every run to show none ran twice.
import pg from "pg";
import { type Db, openPglite, openPostgres } from "@/db/client";
import { migrate } from "@/db/migrate";
import { enqueueJobs, jobCounts } from "@/db/queries/jobs";
import type { JobHandlers } from "@/lib/jobs/types";
import { startWorker } from "@/lib/jobs/worker";

const CHUNK = 2000;
const TIMEOUT_MS = 300_000;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** Runs `total` no-op jobs through one worker per handle; returns the seconds taken and each job's runners. */
async function drain(dbs: Db[], total: number): Promise<{ seconds: number; runs: Map<number, string[]> }> {
  const [first] = dbs;
  if (!first) throw new Error("No database to run the jobs on.");
  const now = new Date();
  for (let i = 0; i < total; i += CHUNK) {
    const n = Math.min(CHUNK, total - i);
    const list = Array.from({ length: n }, (_, k) => ({ key: `bench:${i + k}`, kind: "webhook.deliver" as const }));
    await enqueueJobs(first, list, now);
  }
  const runs = new Map<number, string[]>();
  let ran = 0;
  let finish: () => void = () => undefined;
  const allRan = new Promise<void>((resolve) => (finish = resolve));
  const handlers: JobHandlers = {
    "webhook.deliver": {
      async run({ job }) {
        runs.set(job.id, [...(runs.get(job.id) ?? []), job.lockedBy ?? "?"]);
        if (++ran >= total) finish();
      },
    },
  };
  const t = performance.now();
  const workers = dbs.map((db, i) =>
    startWorker({ db: async () => db, handlers, workerId: String.fromCharCode(65 + i), pollMs: 20 }),
  );
  // A worker whose rounds keep failing prints why (startWorker's onError); the bench gives up after a while.
  const timeout = setTimeout(() => finish(), TIMEOUT_MS);
  await allRan;
  clearTimeout(timeout);
  await Promise.all(workers.map((w) => w.stop()));
  const seconds = (performance.now() - t) / 1000;
  const done = (await jobCounts(first)).find((c) => c.status === "done")?.jobs ?? 0;
  if (Number(done) !== total) throw new Error(`the job queue finished ${done} of ${total} jobs`);
  return { seconds, runs };
}

export async function benchJobQueue(opts: { pglite: boolean; postgresUrl?: string; jobs?: number }): Promise<void> {
  const total = opts.jobs ?? 5000;
  console.log("\nJob queue: no-op jobs claimed, run and marked done by the worker of each server (4 per round)");
  if (opts.pglite) {
    const handle = await openPglite(undefined);
    try {
      await migrate(handle);
      const { seconds } = await drain([handle.db], total);
      console.log(
        `  PGlite, one worker: ${fmt(total)} jobs in ${seconds.toFixed(2)} s — ${fmt(total / seconds)} jobs/s`,
      );
    } finally {
      await handle.close();
    }
  }
  if (!opts.postgresUrl) return;
  const base = new URL(opts.postgresUrl);
  const name = `${decodeURIComponent(base.pathname.slice(1)) || "holdfast"}_jobs_bench`;
  const admin = new URL(opts.postgresUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    // Made afresh each run and left in place afterwards, like the scale preset's database.
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
    const target = new URL(opts.postgresUrl);
    target.pathname = `/${name}`;
    const [a, b] = [await openPostgres(target.toString(), 4), await openPostgres(target.toString(), 4)];
    try {
      await migrate(a);
      const { seconds, runs } = await drain([a.db, b.db], total);
      const lists = [...runs.values()];
      const ran = lists.reduce((n, list) => n + list.length, 0);
      const by = (who: string) => fmt(lists.filter((list) => list[0] === who).length);
      console.log(
        `  PostgreSQL (${target.host}/${name}), two workers on two pools: ${fmt(total)} jobs in ${seconds.toFixed(2)} s — ${fmt(total / seconds)} jobs/s`,
      );
      console.log(
        `  two workers: jobs run ${fmt(ran)} / jobs enqueued ${fmt(total)}, duplicates ${fmt(ran - runs.size)} (worker A ${by("A")}, worker B ${by("B")})`,
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  } finally {
    await client.end();
  }
}

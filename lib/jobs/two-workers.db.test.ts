// Two servers on one database: each runs its own worker (on PostgreSQL through a pool of its own; on
// PGlite two worker ids share the one handle), and no job — a delivery, a re-scoring round — runs twice.
import { describe, expect, it } from "vitest";
import { sum } from "drizzle-orm";
import { claimJobs, enqueueJobs, jobCounts, type Job } from "@/db/queries/jobs";
import { jobs } from "@/db/schema";
import { openSecondHandle } from "@/test/db";
import { asOf, HOUR, setupHealthFixture } from "@/test/health-fixture";
import { ensureHealthJobs, rescoreAll, rescoreStale } from "@/lib/health/jobs";
import type { Db } from "@/db/client";
import type { JobHandler, JobHandlers } from "./types";
import { runDueJobs, startWorker } from "./worker";

// The health fixture's accounts give the re-scoring rounds something to score; the queue tests ignore them.
const { t, scoreOf } = setupHealthFixture();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilDone(db: Db, total: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = (await jobCounts(db)).find((c) => c.status === "done")?.jobs ?? 0;
    if (Number(done) >= total) return;
    if (Date.now() > deadline) throw new Error(`only ${done} of ${total} jobs done after ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function enqueueMany(db: Db, n: number, now: Date): Promise<number[]> {
  const list = Array.from({ length: n }, (_, i) => ({ key: `wh:${i}`, kind: "webhook.deliver" as const }));
  return enqueueJobs(db, list, now);
}

describe("two workers on one database", () => {
  it("run each of 600 jobs exactly once", async () => {
    const other = await openSecondHandle(t);
    const total = 600;
    const runs = new Map<number, string[]>();
    const record: JobHandler = {
      async run({ job }) {
        runs.set(job.id, [...(runs.get(job.id) ?? []), job.lockedBy ?? "?"]);
        await sleep(2);
      },
    };
    const handlers: JobHandlers = { "webhook.deliver": record };
    const errors: unknown[] = [];
    try {
      const ids = await enqueueMany(t.db, total, new Date());
      expect(ids).toHaveLength(total);
      const workers = [
        startWorker({ db: async () => t.db, handlers, workerId: "A", pollMs: 50, onError: (e) => errors.push(e) }),
        startWorker({ db: async () => other.db, handlers, workerId: "B", pollMs: 50, onError: (e) => errors.push(e) }),
      ];
      try {
        await untilDone(t.db, total, 50_000);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
    } finally {
      await other.close();
    }
    const all = [...runs.values()];
    const ran = all.reduce((n, list) => n + list.length, 0);
    const duplicates = ran - runs.size;
    const by = (who: string) => all.filter((list) => list[0] === who).length;
    console.log(
      `two workers: jobs run ${ran} / jobs enqueued ${total}, duplicates ${duplicates} (worker A ${by("A")}, worker B ${by("B")}) — ${t.engine}${t.engine === "postgres" ? ", two pools" : ", one handle"}`,
    );
    expect(errors).toEqual([]);
    expect(duplicates).toBe(0);
    expect(runs.size).toBe(total);
    // Both servers took part: the race was real.
    expect(by("A")).toBeGreaterThan(0);
    expect(by("B")).toBeGreaterThan(0);
    expect(await jobCounts(t.db)).toEqual([{ kind: "webhook.deliver", status: "done", jobs: total }]);
    // Every claim counts an attempt: one each means no job was claimed twice, even without running.
    const [attempts] = await t.db.select({ n: sum(jobs.attempts).mapWith(Number) }).from(jobs);
    expect(attempts?.n).toBe(total);
  });

  it("never claim one row twice, for due jobs and for lapsed leases alike", async () => {
    const other = await openSecondHandle(t);
    const total = 1000;
    const now = new Date("2026-11-26T12:00:00Z");
    const drain = async (db: Db, workerId: string, at: Date): Promise<number[]> => {
      const taken: number[] = [];
      for (;;) {
        const batch: Job[] = await claimJobs(db, { workerId, now: at, leaseMs: 60_000, limit: 25 });
        if (batch.length === 0) return taken;
        taken.push(...batch.map((j) => j.id));
      }
    };
    try {
      const ids = await enqueueMany(t.db, total, now);
      for (const at of [now, new Date(now.getTime() + 60_001)]) {
        // The second pass: every job is running under a lease that has lapsed (both servers died).
        const [a, b] = await Promise.all([drain(t.db, "A", at), drain(other.db, "B", at)]);
        const both = [...a, ...b];
        expect(new Set(both).size).toBe(both.length);
        expect(both.sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
        if (t.engine === "postgres") expect(Math.min(a.length, b.length)).toBeGreaterThan(0);
      }
      const [attempts] = await t.db.select({ n: sum(jobs.attempts).mapWith(Number) }).from(jobs);
      expect(attempts?.n).toBe(2 * total);
    } finally {
      await other.close();
    }
  });

  it("re-score health once per round when both servers make the recurring jobs and run at the same instant", async () => {
    const other = await openSecondHandle(t);
    const calls = { all: 0, stale: 0 };
    const counted = (handler: JobHandler, name: keyof typeof calls): JobHandler => ({
      async run(ctx) {
        calls[name]++;
        await sleep(20);
        await handler.run(ctx);
      },
    });
    const handlers: JobHandlers = {
      "health.rescore_all": counted(rescoreAll, "all"),
      "health.rescore_stale": counted(rescoreStale, "stale"),
    };
    const perRound: (typeof calls)[] = [];
    try {
      await Promise.all([ensureHealthJobs(t.db, 30, asOf), ensureHealthJobs(other.db, 30, asOf)]);
      expect(await t.db.select({ key: jobs.key }).from(jobs)).toHaveLength(2);
      for (const now of [asOf, new Date(asOf.getTime() + 30_000), new Date(asOf.getTime() + HOUR)]) {
        const before = { ...calls };
        const results = await Promise.all([
          runDueJobs(t.db, { workerId: "A", handlers, now }),
          runDueJobs(other.db, { workerId: "B", handlers, now }),
        ]);
        expect(results.every((r) => r.failed === 0 && r.dead === 0)).toBe(true);
        perRound.push({ all: calls.all - before.all, stale: calls.stale - before.stale });
      }
    } finally {
      await other.close();
    }
    console.log(`health re-scoring with two workers, calls per round: ${JSON.stringify(perRound)} — ${t.engine}`);
    // The hourly round of every account at the start and an hour later; the 30-second round each time.
    expect(perRound).toEqual([
      { all: 1, stale: 1 },
      { all: 0, stale: 1 },
      { all: 1, stale: 1 },
    ]);
    expect((await scoreOf("busy"))?.score).toBeCloseTo((100 * 0.755) / 0.9, 3);
    expect(await t.db.select({ key: jobs.key }).from(jobs)).toHaveLength(2);
  });
});

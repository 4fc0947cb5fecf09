// The worker on a real database with an injected clock: retries with backoff, death at the deadline
// or the last attempt, recurring jobs that never die, and a crashed or slow worker's lease.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { claimJobs, deadJobs, enqueueJobs, ensureRecurring, type Job } from "@/db/queries/jobs";
import { jobs } from "@/db/schema";
import { setupTestDbPerTest } from "@/test/db";
import { backoffMs } from "./backoff";
import type { JobHandler } from "./types";
import { LEASE_MS, runDueJobs } from "./worker";

const t = setupTestDbPerTest();

const at = new Date("2026-11-26T12:00:00Z");
const later = (ms: number, from: Date = at) => new Date(from.getTime() + ms);
const DAY = 86_400_000;
const ERROR = "The endpoint answered HTTP 503";

async function row(id: number): Promise<Job> {
  const [found] = await t.db.select().from(jobs).where(eq(jobs.id, id));
  if (!found) throw new Error(`job ${id} vanished`);
  return found;
}

/** A handler that always fails and remembers what the worker told it about each failure. */
function failing() {
  const failures: { attempts: number; now: Date; retryAt: Date | null; error: string }[] = [];
  const handler: JobHandler = {
    run: () => Promise.reject(new Error(ERROR)),
    onFailed: async ({ job, now, retryAt, error }) => {
      failures.push({ attempts: job.attempts, now, retryAt, error });
    },
  };
  return { handler, failures };
}

describe("runDueJobs", () => {
  it("runs a due job with its handler at the worker's clock and marks it done", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "ok", kind: "webhook.deliver", payload: { to: "x" } }], at);
    const seen: { payload: unknown; now: Date }[] = [];
    const handler: JobHandler = { run: async ({ job, now }) => void seen.push({ payload: job.payload, now }) };
    const result = await runDueJobs(t.db, { workerId: "w1", handlers: { "webhook.deliver": handler }, now: later(5) });
    expect(result).toEqual({ claimed: 1, succeeded: 1, failed: 0, dead: 0 });
    expect(seen).toEqual([{ payload: { to: "x" }, now: later(5) }]);
    expect(await row(id)).toMatchObject({ status: "done", finishedAt: later(5), attempts: 1, lastError: null });
    expect(await runDueJobs(t.db, { workerId: "w1", handlers: { "webhook.deliver": handler }, now: later(9) })).toEqual(
      { claimed: 0, succeeded: 0, failed: 0, dead: 0 },
    );
  });

  it("queues a failed job again after a backoff that grows with each failure", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "retry", kind: "webhook.deliver", deadline: later(DAY) }], at);
    const { handler, failures } = failing();
    const waits: number[] = [];
    let now = at;
    for (let n = 1; n <= 6; n++) {
      const result = await runDueJobs(t.db, {
        workerId: "w1",
        handlers: { "webhook.deliver": handler },
        now,
        random: () => 0.5,
      });
      expect(result).toEqual({ claimed: 1, succeeded: 0, failed: 1, dead: 0 });
      const job = await row(id);
      expect(job).toMatchObject({ status: "queued", attempts: n, lastError: ERROR, lockedBy: null });
      const wait = job.runAt.getTime() - now.getTime();
      // Half of the full wait plus half of it times the draw: 10 s·2ⁿ⁻¹ × .75.
      expect(wait).toBe(0.75 * 10_000 * 2 ** (n - 1));
      expect(wait).toBe(backoffMs(n, 0.5));
      waits.push(wait);
      // Not a moment before its retry instant.
      expect((await runDueJobs(t.db, { workerId: "w1", handlers: {}, now: later(-1, job.runAt) })).claimed).toBe(0);
      now = job.runAt;
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(new Set(waits).size).toBe(waits.length);
    expect(failures.map((f) => f.retryAt?.getTime())).toEqual(
      failures.map((f, i) => f.now.getTime() + (waits[i] ?? 0)),
    );
  });

  it("spreads the retries of jobs that failed together by the jitter", async () => {
    const keys = Array.from({ length: 20 }, (_, i) => ({ key: `batch:${i}`, kind: "webhook.deliver" as const }));
    await enqueueJobs(t.db, keys, at);
    const draws = keys.map((_, i) => i / keys.length);
    let next = 0;
    const random = () => draws[next++] ?? 0;
    const { handler } = failing();
    const result = await runDueJobs(t.db, {
      workerId: "w1",
      handlers: { "webhook.deliver": handler },
      now: at,
      limit: 50,
      random,
    });
    expect(result.failed).toBe(20);
    const rows = await t.db.select({ runAt: jobs.runAt }).from(jobs);
    const waits = rows.map((r) => r.runAt.getTime() - at.getTime()).sort((a, b) => a - b);
    expect(waits).toEqual(draws.map((r) => backoffMs(1, r)));
    expect(new Set(waits).size).toBe(20);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(10_000);
  });

  it("marks a webhook dead with its last error once the next retry would pass the 24-hour deadline", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "wh:dies", kind: "webhook.deliver", deadline: later(DAY) }], at);
    const { handler, failures } = failing();
    let now = at;
    const outcomes: string[] = [];
    for (let run = 0; run < 200; run++) {
      const result = await runDueJobs(t.db, { workerId: "w1", handlers: { "webhook.deliver": handler }, now });
      expect(result.claimed).toBe(1);
      outcomes.push(result.dead ? "dead" : "failed");
      const job = await row(id);
      if (job.status === "dead") break;
      expect(job.runAt.getTime()).toBeLessThanOrEqual(later(DAY).getTime());
      now = job.runAt;
    }
    expect(outcomes.at(-1)).toBe("dead");
    expect(outcomes.filter((o) => o === "dead")).toHaveLength(1);
    // 10 s, 20 s … 2560 s, then at most an hour apart: well over 20 runs in the 24 hours.
    expect(outcomes.length).toBeGreaterThan(20);
    const dead = await row(id);
    expect(dead).toMatchObject({ status: "dead", lastError: ERROR, finishedAt: now, attempts: outcomes.length });
    expect(now.getTime()).toBeLessThanOrEqual(later(DAY).getTime());
    expect((await deadJobs(t.db)).map((j) => [j.id, j.lastError])).toEqual([[id, ERROR]]);
    expect(failures.map((f) => f.retryAt === null)).toEqual(outcomes.map((o) => o === "dead"));
    expect(failures.every((f) => f.error === ERROR)).toBe(true);
    // Nothing runs it again, however late.
    expect(
      (await runDueJobs(t.db, { workerId: "w1", handlers: { "webhook.deliver": handler }, now: later(7 * DAY) }))
        .claimed,
    ).toBe(0);
  });

  it("marks a job dead after its last attempt, and says so to onFailed", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "three", kind: "webhook.deliver", maxAttempts: 3 }], at);
    const { handler, failures } = failing();
    let now = at;
    const results = [];
    for (let n = 0; n < 3; n++) {
      results.push(await runDueJobs(t.db, { workerId: "w1", handlers: { "webhook.deliver": handler }, now }));
      now = (await row(id)).runAt;
    }
    expect(results.map((r) => [r.failed, r.dead])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(failures.map((f) => [f.attempts, f.retryAt === null])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(await row(id)).toMatchObject({ status: "dead", attempts: 3, lastError: ERROR });
  });

  it("fails a job of a kind this worker has no handler for, and keeps it for a worker that has", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "unknown", kind: "health.rescore_all" }], at);
    expect(await runDueJobs(t.db, { workerId: "w1", handlers: {}, now: at })).toMatchObject({ claimed: 1, failed: 1 });
    const job = await row(id);
    expect(job).toMatchObject({ status: "queued", lastError: "No handler for jobs of kind health.rescore_all" });
    const ran: number[] = [];
    const handler: JobHandler = { run: async ({ job: j }) => void ran.push(j.id) };
    await runDueJobs(t.db, { workerId: "w2", handlers: { "health.rescore_all": handler }, now: job.runAt });
    expect(ran).toEqual([id]);
    expect((await row(id)).status).toBe("done");
  });

  it("runs a crashed worker's job once its lease lapses", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "orphan", kind: "webhook.deliver" }], at);
    // A worker claims the job and dies before finishing it.
    await claimJobs(t.db, { workerId: "crashed", now: at, leaseMs: LEASE_MS, limit: 1 });
    const ran: string[] = [];
    const handlers = { "webhook.deliver": { run: async () => void ran.push("w2") } };
    expect((await runDueJobs(t.db, { workerId: "w2", handlers, now: later(LEASE_MS - 1) })).claimed).toBe(0);
    expect(await runDueJobs(t.db, { workerId: "w2", handlers, now: later(LEASE_MS + 1) })).toMatchObject({
      claimed: 1,
      succeeded: 1,
    });
    expect(ran).toEqual(["w2"]);
    expect(await row(id)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("renews the lease of a slow run, so no other worker takes it meanwhile", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "slow", kind: "webhook.deliver" }], new Date());
    // Renewed every second; without a renewal the lease would lapse 3 s after the claim.
    const leaseMs = 3000;
    const runs: string[] = [];
    const slow = (who: string): JobHandler => ({
      run: async () => {
        runs.push(who);
        await new Promise((resolve) => setTimeout(resolve, 6500));
      },
    });
    const first = runDueJobs(t.db, {
      workerId: "w1",
      handlers: { "webhook.deliver": slow("w1") },
      leaseMs,
      now: new Date(),
    });
    for (const wait of [4000, 1500]) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const other = await runDueJobs(t.db, { workerId: "w2", handlers: { "webhook.deliver": slow("w2") }, leaseMs });
      expect(other.claimed).toBe(0);
      expect((await row(id)).lockedBy).toBe("w1");
    }
    expect(await first).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(runs).toEqual(["w1"]);
    expect(await row(id)).toMatchObject({ status: "done", attempts: 1 });
  });
});

describe("recurring jobs", () => {
  const job = { key: "recurring:test", kind: "health.rescore_all" as const, everySeconds: 30, firstRunAt: at };

  it("are made once by two starting servers and queued again a period after each run, attempts reset", async () => {
    await Promise.all([ensureRecurring(t.db, job), ensureRecurring(t.db, job)]);
    expect(await t.db.select().from(jobs)).toHaveLength(1);
    const calls: Date[] = [];
    const handlers = { "health.rescore_all": { run: async ({ now }: { now: Date }) => void calls.push(now) } };
    let now = at;
    for (let round = 0; round < 3; round++) {
      expect((await runDueJobs(t.db, { workerId: "w1", handlers, now })).succeeded).toBe(1);
      const [made] = await t.db.select().from(jobs);
      expect(made).toMatchObject({ status: "queued", attempts: 0, runAt: later(30_000, now), finishedAt: null });
      expect((await runDueJobs(t.db, { workerId: "w1", handlers, now: later(29_999, now) })).claimed).toBe(0);
      now = later(30_000, now);
    }
    expect(calls).toEqual([at, later(30_000), later(60_000)]);
  });

  it("never die however often they fail, retry within a period, and start afresh after a success", async () => {
    await ensureRecurring(t.db, job);
    const { handler, failures } = failing();
    let now = at;
    for (let n = 1; n <= 40; n++) {
      const result = await runDueJobs(t.db, { workerId: "w1", handlers: { "health.rescore_all": handler }, now });
      expect(result).toEqual({ claimed: 1, succeeded: 0, failed: 1, dead: 0 });
      const [made] = await t.db.select().from(jobs);
      if (!made) throw new Error("the recurring job vanished");
      expect(made).toMatchObject({ status: "queued", attempts: n, lastError: ERROR });
      expect(made.runAt.getTime() - now.getTime()).toBeGreaterThan(0);
      expect(made.runAt.getTime() - now.getTime()).toBeLessThanOrEqual(30_000);
      now = made.runAt;
    }
    expect(failures.every((f) => f.retryAt !== null)).toBe(true);
    const ok = { "health.rescore_all": { run: async () => undefined } };
    expect((await runDueJobs(t.db, { workerId: "w1", handlers: ok, now })).succeeded).toBe(1);
    const [after] = await t.db.select().from(jobs);
    expect(after).toMatchObject({ status: "queued", attempts: 0, lastError: null, runAt: later(30_000, now) });
  });
});

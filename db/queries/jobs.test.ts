// The job queue's statements on a real database: enqueue by key, claims under a lease that lapses,
// and a finish that counts only while the lease is still the worker's own.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { jobs } from "@/db/schema";
import { setupTestDbPerTest } from "@/test/db";
import {
  claimJobs,
  completeJob,
  deadJobs,
  enqueueJobs,
  ensureRecurring,
  extendLease,
  failJob,
  jobCounts,
  removeJob,
} from "./jobs";

// The queue belongs to the whole installation (a claim takes any due job): a database per test.
const t = setupTestDbPerTest();

const at = new Date("2026-11-26T12:00:00Z");
const later = (ms: number, from: Date = at) => new Date(from.getTime() + ms);
const LEASE = 60_000;

async function row(id: number) {
  const [found] = await t.db.select().from(jobs).where(eq(jobs.id, id));
  if (!found) throw new Error(`job ${id} vanished`);
  return found;
}

describe("enqueueJobs", () => {
  it("makes one job per key, however often the key is enqueued", async () => {
    const first = await enqueueJobs(t.db, [{ key: "wh:msg_1", kind: "webhook.deliver", payload: { n: 1 } }], at);
    expect(first).toHaveLength(1);
    const again = await enqueueJobs(
      t.db,
      [
        { key: "wh:msg_1", kind: "webhook.deliver", payload: { n: 2 } },
        { key: "wh:msg_2", kind: "webhook.deliver" },
      ],
      later(1000),
    );
    expect(again).toHaveLength(1);
    const rows = await t.db.select().from(jobs).orderBy(jobs.id);
    expect(rows.map((r) => [r.key, r.payload])).toEqual([
      ["wh:msg_1", { n: 1 }],
      ["wh:msg_2", {}],
    ]);
    expect(rows[0]).toMatchObject({ status: "queued", attempts: 0, runAt: at, createdAt: at });
    expect(await enqueueJobs(t.db, [], at)).toEqual([]);
  });

  it("keeps a key that already ran from running again", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "once", kind: "webhook.deliver" }], at);
    const [job] = await claimJobs(t.db, { workerId: "w1", now: at, leaseMs: LEASE, limit: 1 });
    expect(job && (await completeJob(t.db, job, later(10)))).toBe(true);
    expect(await enqueueJobs(t.db, [{ key: "once", kind: "webhook.deliver" }], later(20))).toEqual([]);
    expect(await claimJobs(t.db, { workerId: "w1", now: later(30), leaseMs: LEASE, limit: 5 })).toEqual([]);
    expect((await row(id)).status).toBe("done");
  });
});

describe("claimJobs", () => {
  it("marks the job running under the worker's lease and counts an attempt; a second claim takes nothing", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "a", kind: "webhook.deliver" }], at);
    const claimed = await claimJobs(t.db, { workerId: "w1", now: at, leaseMs: LEASE, limit: 10 });
    expect(claimed.map((j) => j.id)).toEqual([id]);
    expect(claimed[0]).toMatchObject({ status: "running", lockedBy: "w1", lockedUntil: later(LEASE), attempts: 1 });
    expect(await row(id)).toMatchObject({ status: "running", lockedBy: "w1", lockedUntil: later(LEASE), attempts: 1 });
    expect(await claimJobs(t.db, { workerId: "w2", now: at, leaseMs: LEASE, limit: 10 })).toEqual([]);
    // Until the lease's last instant the job stays the first worker's.
    expect(await claimJobs(t.db, { workerId: "w2", now: later(LEASE), leaseMs: LEASE, limit: 10 })).toEqual([]);
  });

  it("waits for run_at, takes the oldest first, up to the limit, of the kinds asked for", async () => {
    await enqueueJobs(
      t.db,
      [
        { key: "third", kind: "webhook.deliver", runAt: later(3000) },
        { key: "first", kind: "webhook.deliver", runAt: later(1000) },
        { key: "other", kind: "health.rescore_all", runAt: later(500) },
        { key: "second", kind: "webhook.deliver", runAt: later(2000) },
        { key: "future", kind: "webhook.deliver", runAt: later(60_000) },
      ],
      at,
    );
    expect(await claimJobs(t.db, { workerId: "w1", now: at, leaseMs: LEASE, limit: 10 })).toEqual([]);
    const opts = { workerId: "w1", leaseMs: LEASE, kinds: ["webhook.deliver"] as const };
    const two = await claimJobs(t.db, { ...opts, now: later(5000), limit: 2 });
    expect(two.map((j) => j.key).sort()).toEqual(["first", "second"]);
    const rest = await claimJobs(t.db, { ...opts, now: later(5000), limit: 10 });
    expect(rest.map((j) => j.key)).toEqual(["third"]);
    const others = await claimJobs(t.db, { workerId: "w1", now: later(5000), leaseMs: LEASE, limit: 10 });
    expect(others.map((j) => j.key)).toEqual(["other"]);
  });

  it("gives a crashed worker's job to another after the lease lapses; the first worker's finish then changes nothing", async () => {
    const [id = 0] = await enqueueJobs(t.db, [{ key: "crash", kind: "webhook.deliver" }], at);
    const [mine] = await claimJobs(t.db, { workerId: "w1", now: at, leaseMs: LEASE, limit: 1 });
    if (!mine) throw new Error("nothing claimed");
    const lapsed = later(LEASE + 1);
    const [theirs] = await claimJobs(t.db, { workerId: "w2", now: lapsed, leaseMs: LEASE, limit: 1 });
    expect(theirs).toMatchObject({ id, lockedBy: "w2", lockedUntil: later(LEASE, lapsed), attempts: 2 });
    if (!theirs) throw new Error("nothing taken over");

    // The first worker wakes up: its completion, failure and renewal are refused.
    expect(await completeJob(t.db, mine, later(LEASE + 5))).toBe(false);
    expect(await failJob(t.db, mine, "late", null, later(LEASE + 6))).toBe(false);
    expect(await extendLease(t.db, mine, later(10 * LEASE))).toBe(false);
    expect(await row(id)).toMatchObject({ status: "running", lockedBy: "w2", lockedUntil: later(LEASE, lapsed) });

    expect(await extendLease(t.db, theirs, later(3 * LEASE))).toBe(true);
    expect((await row(id)).lockedUntil).toEqual(later(3 * LEASE));
    expect(await completeJob(t.db, theirs, later(LEASE + 10))).toBe(true);
    expect(await row(id)).toMatchObject({
      status: "done",
      finishedAt: later(LEASE + 10),
      lockedBy: null,
      lockedUntil: null,
      attempts: 2,
    });
    // Done is done: a second completion by the same worker is refused too.
    expect(await completeJob(t.db, theirs, later(LEASE + 11))).toBe(false);
  });
});

describe("failJob", () => {
  it("queues the job again at the retry instant, or marks it dead with its error", async () => {
    const [retried = 0, dies = 0] = await enqueueJobs(
      t.db,
      [
        { key: "retried", kind: "webhook.deliver" },
        { key: "dies", kind: "webhook.deliver" },
      ],
      at,
    );
    const claimed = await claimJobs(t.db, { workerId: "w1", now: at, leaseMs: LEASE, limit: 2 });
    const byId = new Map(claimed.map((j) => [j.id, j]));
    const a = byId.get(retried);
    const b = byId.get(dies);
    if (!a || !b) throw new Error("not both claimed");
    expect(await failJob(t.db, a, "HTTP 503", later(15_000), later(100))).toBe(true);
    expect(await failJob(t.db, b, "x".repeat(5000), null, later(200))).toBe(true);
    expect(await row(retried)).toMatchObject({
      status: "queued",
      runAt: later(15_000),
      lastError: "HTTP 503",
      lockedBy: null,
      finishedAt: null,
      attempts: 1,
    });
    const dead = await row(dies);
    expect(dead).toMatchObject({ status: "dead", finishedAt: later(200), lockedBy: null });
    expect(dead.lastError).toHaveLength(2000);
    expect((await deadJobs(t.db)).map((j) => j.id)).toEqual([dies]);
    expect(await claimJobs(t.db, { workerId: "w1", now: later(14_999), leaseMs: LEASE, limit: 5 })).toEqual([]);
    const again = await claimJobs(t.db, { workerId: "w1", now: later(15_000), leaseMs: LEASE, limit: 5 });
    expect(again.map((j) => [j.id, j.attempts])).toEqual([[retried, 2]]);
    expect(await jobCounts(t.db)).toEqual([
      { kind: "webhook.deliver", status: "running", jobs: 1 },
      { kind: "webhook.deliver", status: "dead", jobs: 1 },
    ]);
  });
});

describe("ensureRecurring", () => {
  it("makes one row when two servers start, and queues it again one period after each run", async () => {
    const job = { key: "recurring:test", kind: "health.rescore_all" as const, everySeconds: 3600, firstRunAt: at };
    await Promise.all([ensureRecurring(t.db, job), ensureRecurring(t.db, { ...job, firstRunAt: later(5000) })]);
    const rows = await t.db.select().from(jobs);
    expect(rows).toHaveLength(1);
    // A later start keeps the first due time; the period follows the last server's setting.
    await ensureRecurring(t.db, { ...job, everySeconds: 1800, firstRunAt: later(9000) });
    const [made] = await t.db.select().from(jobs);
    expect(made).toMatchObject({ everySeconds: 1800, status: "queued", attempts: 0 });
    expect([at.getTime(), later(5000).getTime()]).toContain(made?.runAt.getTime());

    const [claimed] = await claimJobs(t.db, { workerId: "w1", now: later(10_000), leaseMs: LEASE, limit: 1 });
    if (!claimed) throw new Error("the recurring job was not due");
    expect(await completeJob(t.db, claimed, later(11_000))).toBe(true);
    expect(await row(claimed.id)).toMatchObject({
      status: "queued",
      runAt: later(1800_000, later(11_000)),
      attempts: 0,
      finishedAt: null,
      lockedBy: null,
    });
    await removeJob(t.db, job.key);
    expect(await t.db.select().from(jobs)).toEqual([]);
  });
});

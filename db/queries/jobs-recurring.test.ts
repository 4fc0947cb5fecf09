// The recurring jobs as the admin page lists them: the period, the last run (none before the first),
// the next run, and the last error while the last run failed.
import { describe, expect, it } from "vitest";
import { setupTestDbPerTest } from "@/test/db";
import { claimJobs, completeJob, enqueueJobs, ensureRecurring, failJob, recurringJobs } from "./jobs";

// A claim takes any due job of the installation: a database per test.
const t = setupTestDbPerTest();

const at = new Date("2026-11-26T12:00:00Z");
const later = (ms: number) => new Date(at.getTime() + ms);

describe("recurringJobs", () => {
  it("lists only recurring jobs, with no last run before the first", async () => {
    await ensureRecurring(t.db, {
      key: "every:rescore",
      kind: "health.rescore_stale",
      everySeconds: 30,
      firstRunAt: at,
    });
    await enqueueJobs(t.db, [{ key: "wh:msg_1", kind: "webhook.deliver" }], at);
    expect(await recurringJobs(t.db)).toEqual([
      expect.objectContaining({
        kind: "health.rescore_stale",
        everySeconds: 30,
        status: "queued",
        lastRunAt: null,
        nextRunAt: at,
        attempts: 0,
        lastError: null,
      }),
    ]);
  });

  it("reads the last run's end and the next run after a success, and the error after a failure", async () => {
    await ensureRecurring(t.db, { key: "every:all", kind: "health.rescore_all", everySeconds: 3600, firstRunAt: at });
    const [first] = await claimJobs(t.db, { workerId: "w1", now: later(1000), leaseMs: 60_000, limit: 5 });
    if (!first) throw new Error("the recurring job was not due");
    // While it runs, its last run is the one under way.
    expect(await recurringJobs(t.db)).toEqual([
      expect.objectContaining({ status: "running", lastRunAt: later(1000), attempts: 1 }),
    ]);
    expect(await completeJob(t.db, first, later(3000))).toBe(true);
    expect(await recurringJobs(t.db)).toEqual([
      expect.objectContaining({
        status: "queued",
        lastRunAt: later(3000),
        nextRunAt: later(3000 + 3600_000),
        attempts: 0,
        lastError: null,
      }),
    ]);

    const [second] = await claimJobs(t.db, { workerId: "w1", now: later(3700_000), leaseMs: 60_000, limit: 5 });
    if (!second) throw new Error("the recurring job was not due again");
    expect(await failJob(t.db, second, "scores could not be read", later(3760_000), later(3701_000))).toBe(true);
    expect(await recurringJobs(t.db)).toEqual([
      expect.objectContaining({
        status: "queued",
        lastRunAt: later(3701_000),
        nextRunAt: later(3760_000),
        attempts: 1,
        lastError: "scores could not be read",
      }),
    ]);
  });
});

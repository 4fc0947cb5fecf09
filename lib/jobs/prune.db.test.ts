// The daily prune: finished jobs older than two weeks go; queued, running, recurring and recent ones stay.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimJobs, completeJob, enqueueJobs, failJob } from "@/db/queries/jobs";
import { jobs } from "@/db/schema";
import { setupTestDbPerTest } from "@/test/db";
import { ensurePruneJob, pruneFinishedJobs } from "./prune";
import { runDueJobs } from "./worker";

const t = setupTestDbPerTest();
const DAY = 86_400_000;
const start = new Date("2026-11-01T00:00:00Z");

async function finish(key: string, how: "done" | "dead", at: Date) {
  await enqueueJobs(t.db, [{ key, kind: "webhook.deliver" }], at);
  const [job] = await claimJobs(t.db, { workerId: "w", now: at, leaseMs: 60_000, limit: 1 });
  if (!job) throw new Error(`${key} was not claimed`);
  if (how === "done") await completeJob(t.db, job, at);
  else await failJob(t.db, job, "gave up", null, at);
}

describe("pruning finished jobs", () => {
  it("removes done and dead jobs finished more than 14 days before the run, and nothing else", async () => {
    await finish("old-done", "done", start); // finished 15 days before the run: removed
    await finish("old-dead", "dead", new Date(start.getTime() + DAY)); // exactly 14 days before: kept (see below)
    await finish("recent-done", "done", new Date(start.getTime() + 10 * DAY)); // 5 days before: kept
    await enqueueJobs(t.db, [{ key: "waiting", kind: "webhook.deliver", runAt: start }], start); // queued: kept
    await ensurePruneJob(t.db, new Date(start.getTime() + 15 * DAY));
    // The run is at day 15: the cut-off is day 1 exactly, and "old-dead" finished at day 1 (not before): kept.
    const round = await runDueJobs(t.db, {
      workerId: "w2",
      handlers: { "jobs.prune": pruneFinishedJobs },
      kinds: ["jobs.prune"],
      now: new Date(start.getTime() + 15 * DAY),
    });
    expect(round.succeeded).toBe(1);
    const left = (await t.db.select({ key: jobs.key }).from(jobs)).map((r) => r.key).sort();
    expect(left).toEqual(["old-dead", "recent-done", "recurring:jobs.prune", "waiting"]);
    const [prune] = await t.db.select().from(jobs).where(eq(jobs.key, "recurring:jobs.prune"));
    expect(prune?.status).toBe("queued");
    expect(prune?.runAt).toEqual(new Date(start.getTime() + 16 * DAY));
  });
});

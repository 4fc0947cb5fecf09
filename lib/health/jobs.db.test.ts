// The health re-scoring jobs' rounds on the hand-made fixture of test/health-fixture.ts, on a real database.
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { recomputeHealth } from "@/db/queries/health";
import { allChecked, ingestBatch } from "@/db/queries/ingest";
import { asOf, HOUR, setupHealthFixture } from "@/test/health-fixture";
import { runDueJobs } from "@/lib/jobs/worker";
import { ensureHealthJobs, rescoreStale } from "./jobs";

const { t, scoreOf } = setupHealthFixture();

describe("the health re-scoring job", () => {
  it("re-scores an account in the next round of the stale job after new activity arrives", async () => {
    await recomputeHealth(t.db, asOf);
    const now = new Date(asOf.getTime() + 6 * HOUR);
    const before = (await scoreOf("idle"))?.score ?? 0;
    const items = ["u1", "u2", "u3", "u4", "u5"].map((userRef) => ({
      accountExternalId: "idle",
      userRef,
      feature: "dashboards",
      occurredAt: new Date("2026-11-26T15:00:00Z"),
    }));
    const outcome = await ingestBatch(t.db, "activity", allChecked(items), SYSTEM_ACTOR);
    expect(outcome.ok).toBe(true);
    // The recurring stale round, claimed from the queue like a server's worker does.
    await ensureHealthJobs(t.db, 30, now);
    const round = await runDueJobs(t.db, {
      workerId: "w1",
      handlers: { "health.rescore_stale": rescoreStale },
      kinds: ["health.rescore_stale"],
      now: new Date(now.getTime() + 30_000),
    });
    expect(round).toEqual({ claimed: 1, succeeded: 1, failed: 0, dead: 0 });
    // depth 5/5, breadth 1/3, trend 1 (only the earlier window empty), billing 1, intent 1 →
    // (.2 + .05 + .25 + .15 + .15) ÷ .9 = 88.88…
    expect(before).toBeCloseTo(33.33, 1);
    expect((await scoreOf("idle"))?.score).toBeCloseTo(80 / 0.9, 3);
  });
});

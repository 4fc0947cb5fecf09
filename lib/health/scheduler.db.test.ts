// The health scheduler's rounds on the hand-made fixture of test/health-fixture.ts, on a real database.
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { recomputeHealth } from "@/db/queries/health";
import { allChecked, ingestBatch } from "@/db/queries/ingest";
import { asOf, HOUR, setupHealthFixture } from "@/test/health-fixture";
import { markFullRunDone, refreshHealthOnce } from "./scheduler";

const { t, scoreOf } = setupHealthFixture();

describe("the health scheduler", () => {
  it("re-scores an account from the scheduler's next round after new activity arrives", async () => {
    await recomputeHealth(t.db, asOf);
    const now = new Date(asOf.getTime() + 6 * HOUR);
    markFullRunDone(now);
    const before = (await scoreOf("idle"))?.score ?? 0;
    const items = ["u1", "u2", "u3", "u4", "u5"].map((userRef) => ({
      accountExternalId: "idle",
      userRef,
      feature: "dashboards",
      occurredAt: new Date("2026-11-26T15:00:00Z"),
    }));
    const outcome = await ingestBatch(t.db, "activity", allChecked(items), SYSTEM_ACTOR);
    expect(outcome.ok).toBe(true);
    await refreshHealthOnce(t.db, new Date(now.getTime() + 30_000));
    // depth 5/5, breadth 1/3, trend 1 (only the earlier window empty), billing 1, intent 1 →
    // (.2 + .05 + .25 + .15 + .15) ÷ .9 = 88.88…
    expect(before).toBeCloseTo(33.33, 1);
    expect((await scoreOf("idle"))?.score).toBeCloseTo(80 / 0.9, 3);
  });
});

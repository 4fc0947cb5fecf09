// Health scores and the queue they fill, on the hand-made fixture of test/health-fixture.ts (its comments
// compute every score), on a real database.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { healthScores, triageItems } from "@/db/schema";
import { actor, asOf, convertTrial, filters, HOUR, manager, settings, setupHealthFixture } from "@/test/health-fixture";
import { SYSTEM_ACTOR } from "./audit";
import { recomputeHealth } from "./health";
import { getHealthSettings, saveHealthSettings } from "./health-settings";
import { changeItem } from "./triage-items";
import { listQueue } from "./triage-queue";

const { t, scoreOf, itemOf } = setupHealthFixture();

describe("health scores", () => {
  it("scores each component as the fixture's comments compute", async () => {
    expect((await getHealthSettings(t.db)).keyFeatures).toEqual(settings.keyFeatures);
    const result = await recomputeHealth(t.db, asOf);
    expect(result.scored).toBe(5); // busy, quiet, idle, billing, trial — not the long-ended trial
    expect((await scoreOf("busy"))?.score).toBeCloseTo((100 * 0.755) / 0.9, 3);
    expect((await scoreOf("quiet"))?.score).toBeCloseTo(7.5, 3);
    expect((await scoreOf("idle"))?.score).toBeCloseTo((100 * 0.3) / 0.9, 3);
    expect(await scoreOf("stale")).toBeUndefined();
  });

  it("leaves out depth, breadth and trend of an account that never sent activity", async () => {
    await recomputeHealth(t.db, asOf);
    const [row] = await t.db
      .select({ score: healthScores.score, reasons: healthScores.reasons, components: healthScores.components })
      .from(healthScores)
      .where(eq(healthScores.accountId, "billing"));
    expect(row?.components.map((c) => c.name)).toEqual(["billing", "intent"]);
    expect(row?.score).toBe(100);
    expect(row?.reasons).toEqual([]);
    // Stopped is not the same as never: idle was active in June and its usage counts as 0.
    expect((await scoreOf("idle"))?.reasons).toContain("No active users in the last 56 days");
  });

  it("does not flag one quiet person in a busy team, and says why the quiet team is at risk", async () => {
    await recomputeHealth(t.db, asOf);
    expect((await scoreOf("busy"))?.reasons).toEqual(["Uses 1 of 3 key features"]);
    // Largest loss first: trend .25×.9 = .225, depth .2×.9 = .18, then breadth, billing and intent
    // at .15 each (in component order), voice .1×.7 = .07.
    expect((await scoreOf("quiet"))?.reasons).toEqual([
      "Active users down 90 % over 28 days (10 → 1)",
      "1 of 10 paid seats active in the last 28 days",
      "Uses 0 of 3 key features",
      "2 failed payments not recovered",
      "Opened the cancel survey 12 days ago and took the pause offer",
      "NPS 3 on 2 Nov",
    ]);
  });

  it("puts the accounts below the threshold in the queue, the most MRR first, and trials apart", async () => {
    await recomputeHealth(t.db, asOf);
    const recovery = await listQueue(t.db, manager, filters, asOf);
    expect(recovery.rows.map((r) => r.externalId)).toEqual(["idle", "quiet"]); // $500 before $100
    expect(recovery.rows[0]?.assigneeName).toBe("Morgan"); // the account's owner takes it
    expect(recovery.rows[1]?.assigneeId).toBeNull();
    const conversion = await listQueue(t.db, manager, { ...filters, tab: "conversion" }, asOf);
    expect(conversion.rows.map((r) => r.externalId)).toEqual(["trial"]);
    expect(recovery.counts).toEqual({ recovery: 2, conversion: 1, due: 0 });
  });

  it("does not add an account again while its item is live, nor after it closed until it falls below again", async () => {
    await recomputeHealth(t.db, asOf);
    await recomputeHealth(t.db, new Date(asOf.getTime() + HOUR));
    expect(await t.db.select().from(triageItems)).toHaveLength(3);
    const quiet = await itemOf("quiet");
    if (!quiet) throw new Error("quiet has no item");
    // Dismissed at 13:30 on the test's clock, between two scoring runs (not the wall clock's time).
    const dismissedAt = new Date(asOf.getTime() + 1.5 * HOUR);
    expect(
      (
        await changeItem(
          t.db,
          manager,
          { id: quiet.id, version: quiet.version, status: "dismissed" },
          actor(manager),
          dismissedAt,
        )
      ).ok,
    ).toBe(true);
    await recomputeHealth(t.db, new Date(asOf.getTime() + 2 * HOUR));
    expect(await t.db.select().from(triageItems).where(eq(triageItems.accountId, "quiet"))).toHaveLength(1);
    // The threshold drops under its score (it is no longer below), then comes back: it fell again.
    await saveHealthSettings(t.db, { ...settings, threshold: 5 }, SYSTEM_ACTOR);
    await recomputeHealth(t.db, new Date(asOf.getTime() + 3 * HOUR));
    await saveHealthSettings(t.db, settings, SYSTEM_ACTOR);
    await recomputeHealth(t.db, new Date(asOf.getTime() + 4 * HOUR));
    const items = await t.db.select().from(triageItems).where(eq(triageItems.accountId, "quiet"));
    expect(items.map((i) => i.status).sort()).toEqual(["dismissed", "open"]);
  });

  it("closes a conversion item by itself when the trial converts", async () => {
    await recomputeHealth(t.db, asOf);
    expect((await itemOf("trial"))?.status).toBe("open");
    await convertTrial(t.db);
    await recomputeHealth(t.db, new Date(asOf.getTime() + 5 * HOUR));
    expect((await itemOf("trial"))?.status).toBe("saved");
  });
});

// The health score's intent reads a visit to the cancel page (SPEC §7): the first opening marks the
// account for re-scoring, and its inputs carry the last visit of the 30 days with how it stood.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { healthStale } from "@/db/schema";
import { healthInputs } from "@/db/queries/health-inputs";
import { applyCancelAction, openCancelSession } from "@/db/queries/cancel-sessions";
import { computeHealth, DEFAULT_HEALTH_SETTINGS } from "@/lib/metrics/health";
import { setupTestDb } from "@/test/db";
import { makeAccounts } from "@/test/factories";
import { insertFlow, startSession, testFlowContent } from "@/test/cancel-flow-fixture";

const t = setupTestDb();
const T0 = new Date("2026-11-03T12:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DAY = 86_400_000;
const paying = { events: [["2026-01-05T00:00:00Z", "converted", 10_000] as [string, "converted", number]] };

describe("a visit to the cancel page in the health score", () => {
  it("is read as the intent, in words, for 30 days; a preview never is", async () => {
    const { flowId } = await insertFlow(t.db, { content: testFlowContent() });
    const [took, preview, quiet] = await makeAccounts(t.db, 3, "hv", paying);
    if (!took || !preview || !quiet) throw new Error("three accounts");
    // `took` opens the page on 3 Nov and takes the pause offer ("unused" → pause up to 3 months).
    const made = await startSession(t.db, took, T0, { flowId });
    await openCancelSession(t.db, made.token, at(1));
    expect(await t.db.$count(healthStale, eq(healthStale.accountId, took))).toBe(1);
    await applyCancelAction(t.db, made.token, { kind: "continue" }, "loss", at(2));
    await applyCancelAction(t.db, made.token, { kind: "reason", code: "unused" }, "reason", at(3));
    const accepted = await applyCancelAction(t.db, made.token, { kind: "accept", months: 2 }, "offer", at(4));
    expect(accepted.ok).toBe(true);
    // A preview of `preview`'s page: no mark, no visit.
    const shown = await startSession(t.db, preview, T0, { flowId, preview: true });
    await openCancelSession(t.db, shown.token, at(1));
    expect(await t.db.$count(healthStale, eq(healthStale.accountId, preview))).toBe(0);

    const asOf = new Date("2026-11-10T00:00:00Z");
    const inputs = await healthInputs(t.db, asOf, [], [took, preview, quiet]);
    expect(inputs.get(took)?.latestVisit).toEqual({
      openedAt: at(1),
      status: "saved",
      offer: { kind: "pause", months: 2 },
      offerAccepted: true,
      visits: 1,
    });
    expect(inputs.get(preview)?.latestVisit).toBeNull();
    expect(inputs.get(quiet)?.latestVisit).toBeNull();
    const health = computeHealth(inputs.get(took) ?? fail(), DEFAULT_HEALTH_SETTINGS, asOf);
    expect(health.components.find((c) => c.name === "intent")?.value).toBe(0);
    expect(health.reasons).toContain("Opened the cancel page on 3 Nov and took the pause offer");
    // 30 days after the opening (3 Nov 12:01 + 30 d = 3 Dec 12:01) the visit is no longer read.
    const later = await healthInputs(t.db, new Date(at(1).getTime() + 30 * DAY + 1), [], [took]);
    expect(later.get(took)?.latestVisit).toBeNull();
  });
});

function fail(): never {
  throw new Error("no inputs");
}

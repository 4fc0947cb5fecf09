// Every metric of SPEC §3 from the queries behind the read API, on hand-computed fixtures: the seed
// puzzle and the reasons report (the movements: metric-movements.test.ts). Each scenario has its own
// plan, so one database holds them all and `plan=` isolates each.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "@/test/db";
import { insertAccounts, insertResponses, loadSeedPuzzle, seedPuzzle } from "@/test/fixtures";
import { scopeOf } from "@/test/metrics-scope";
import { drillCohort, drillMonth, drillReasons } from "./drill";
import { cohortReport } from "./cohort-report";
import { churnReport, overviewReport } from "./metrics";
import { reasonsReportFor } from "./reasons-report";

const t = setupTestDb();

describe("the seed puzzle (SPEC §3: 100 customers, 30 new, 20 lost, 110 at the end)", () => {
  const query = "asOf=2024-04-15T00:00:00Z&from=2024-01&to=2024-03&plan=puzzle";

  // Loaded once for these tests, which only read it; no other test writes plan `puzzle`.
  beforeAll(async () => {
    await loadSeedPuzzle(t.db);
  });

  it("answers churn, cohorts and reasons exactly as the fixture expects", async () => {
    expect(await churnReport(t.db, scopeOf(query))).toEqual(seedPuzzle("expected-churn.json"));
    expect(await cohortReport(t.db, scopeOf(query))).toEqual(seedPuzzle("expected-cohorts.json"));
    const reasons = await reasonsReportFor(t.db, scopeOf(query));
    const expected = seedPuzzle("expected-reasons.json");
    expect({ asOf: reasons.asOf, reasonCodes: reasons.reasonCodes, byOffer: reasons.byOffer }).toEqual(expected);
    expect(reasons.taxonomyVersion).toBe(1);
    // The 10 too_expensive answers file under Price & value, the 10 unused under Not adopted.
    const price = reasons.categories.find((c) => c.category === "price-value");
    expect(price).toMatchObject({
      responses: 10,
      canceled: 10,
      mrrLostCents: 100000,
      regrettableResponses: 10,
      saved: 0,
      pending: 0,
    });
  });

  it("answers the overview with the last two complete months", async () => {
    const overview = await overviewReport(t.db, scopeOf("asOf=2024-04-15T00:00:00Z&plan=puzzle"));
    // At asOf all 110 March-end customers remain: 80 × $100 + 30 × $50 = $9,500.
    expect(overview).toMatchObject({ customers: 110, mrrCents: 950000 });
    expect(overview.lastMonth?.month).toBe("2024-03");
    expect(overview.lastMonth?.logoChurnRate).toBe(0.2);
    expect(overview.previousMonth?.month).toBe("2024-02");
  });

  it("drills through to exactly the accounts each figure counts", async () => {
    const scope = scopeOf("asOf=2024-04-15T00:00:00Z&plan=puzzle");
    // March: 20 churned at $100 each, 30 new at $50, 100 customers at the start.
    const churned = await drillMonth(t.db, scope, "churned", "2024-03");
    expect(churned.total).toBe(20);
    expect(churned.accounts.every((a) => a.amountCents === 10000)).toBe(true);
    expect((await drillMonth(t.db, scope, "new", "2024-03")).total).toBe(30);
    expect((await drillMonth(t.db, scope, "customersStart", "2024-03")).total).toBe(100);
    expect((await drillMonth(t.db, scope, "customersEnd", "2024-03")).total).toBe(110);
    // Cohort January at age 2 (end of March): 30 of its 50 accounts remain.
    expect((await drillCohort(t.db, scope, "2024-01", 2)).total).toBe(30);
    // The 10 too_expensive answers (Price & value) come from 10 accounts.
    expect((await drillReasons(t.db, { ...scope, from: "2024-03", to: "2024-03" }, "price-value")).total).toBe(10);
  });
});

describe("reasons (hand-computed)", () => {
  it("validates saves 30 days later, keeps pending apart, and counts MRR lost at submittedAt", async () => {
    await insertAccounts(t.db, [
      // S1 takes a discount on 1 March, then cancels on 11 March: not a customer 30 days on → not saved.
      {
        id: "sv1",
        plan: "saves",
        events: [
          ["2024-01-01T00:00:00Z", "converted", 10000],
          ["2024-03-11T12:00:00Z", "canceled"],
        ],
      },
      // S2 takes the pause on 5 March and is paused (a customer) 30 days later → saved.
      {
        id: "sv2",
        plan: "saves",
        events: [
          ["2024-01-01T00:00:00Z", "converted", 20000],
          ["2024-03-05T12:01:00Z", "paused", 0],
        ],
      },
      // S3 asks to talk on 20 March: 30 days later is 19 April, after asOf (10 April) → pending.
      { id: "sv3", plan: "saves", events: [["2024-01-01T00:00:00Z", "converted", 5000]] },
      // S4 cancels on 10 March at the very instant of its answer: MRR lost is the $80 before it.
      {
        id: "sv4",
        plan: "saves",
        events: [
          ["2024-01-01T00:00:00Z", "converted", 8000],
          ["2024-03-10T09:00:00Z", "canceled"],
        ],
      },
    ]);
    await insertResponses(t.db, [
      {
        accountId: "sv1",
        submittedAt: "2024-03-01T12:00:00Z",
        reasonCode: "too_expensive",
        offerShown: "discount",
        offerAccepted: true,
        outcome: "saved",
      },
      {
        accountId: "sv2",
        submittedAt: "2024-03-05T12:00:00Z",
        reasonCode: "too_expensive",
        offerShown: "pause",
        offerAccepted: true,
        outcome: "paused",
      },
      {
        accountId: "sv3",
        submittedAt: "2024-03-20T00:00:00Z",
        reasonCode: "unused",
        offerShown: "talk_to_us",
        offerAccepted: true,
        outcome: "saved",
      },
      { accountId: "sv4", submittedAt: "2024-03-10T09:00:00Z", reasonCode: "other", outcome: "canceled" },
    ]);
    const report = await reasonsReportFor(
      t.db,
      scopeOf("asOf=2024-04-10T00:00:00Z&from=2024-03&to=2024-03&plan=saves"),
    );
    // Save rate = saved ÷ (responses − pending): none 0/1, pause 1/1, discount 0/1, talk_to_us 0/0 → null.
    expect(report.byOffer).toEqual([
      { offer: "none", responses: 1, saved: 0, pending: 0, saveRate: 0 },
      { offer: "pause", responses: 1, saved: 1, pending: 0, saveRate: 1 },
      { offer: "discount", responses: 1, saved: 0, pending: 0, saveRate: 0 },
      { offer: "talk_to_us", responses: 1, saved: 0, pending: 1, saveRate: null },
    ]);
    expect(report.reasonCodes).toEqual([
      { reasonCode: "too_expensive", responses: 2, canceled: 0, mrrLostCents: 0 },
      { reasonCode: "other", responses: 1, canceled: 1, mrrLostCents: 8000 },
      { reasonCode: "unused", responses: 1, canceled: 0, mrrLostCents: 0 },
    ]);
    const bySlug = Object.fromEntries(report.categories.map((c) => [c.category, c]));
    expect(bySlug["price-value"]).toMatchObject({
      regrettable: true,
      responses: 2,
      canceled: 0,
      regrettableResponses: 2,
      saved: 1,
      pending: 0,
    });
    expect(bySlug["not-adopted"]).toMatchObject({ responses: 1, saved: 0, pending: 1, regrettableResponses: 1 });
    // Uncategorized's answers are not yet filed: neither regrettable nor not.
    expect(bySlug.uncategorized).toMatchObject({
      regrettable: null,
      responses: 1,
      canceled: 1,
      mrrLostCents: 8000,
      regrettableResponses: 0,
    });
    expect(report.byMonth).toEqual([
      { month: "2024-03", category: "not-adopted", responses: 1, canceled: 0, mrrLostCents: 0 },
      { month: "2024-03", category: "price-value", responses: 2, canceled: 0, mrrLostCents: 0 },
      { month: "2024-03", category: "uncategorized", responses: 1, canceled: 1, mrrLostCents: 8000 },
    ]);
  });
});

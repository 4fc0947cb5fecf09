// Every metric of SPEC §3 through the read API's request handler, on hand-computed fixtures. Each
// scenario has its own plan, so one database holds them all and `plan=` isolates each.
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { type MetricsEndpoint, answerMetrics } from "@/lib/http/metrics-answer";
import { churnEndpoint, cohortsEndpoint, overviewEndpoint, reasonsEndpoint } from "@/lib/http/metrics-endpoints";
import type { ChurnMonth } from "@/lib/metrics/churn";
import type { Cohort } from "@/lib/metrics/cohorts";
import type { ReasonsReport } from "@/lib/metrics/reasons";
import { setupTestDb } from "@/test/db";
import { uniqueId } from "@/test/factories";
import { insertAccounts, insertResponses, loadSeedPuzzle, seedPuzzle } from "@/test/fixtures";
import { drillCohort, drillMonth, drillReasons } from "./drill";
import { refreshDerived } from "./rollups";
import { resolveScope } from "@/lib/validation/metrics";

const t = setupTestDb();

async function call<R>(endpoint: MetricsEndpoint<R>, query: string): Promise<Response> {
  return answerMetrics(new Request(`http://holdfast.test/api/v1/metrics/${endpoint.name}?${query}`), t.db, endpoint);
}
async function get<R>(endpoint: MetricsEndpoint<R>, query: string): Promise<R> {
  const response = await call(endpoint, query);
  expect(response.status).toBe(200);
  return (await response.json()) as R;
}
const churn = (q: string) => get(churnEndpoint, q).then((r) => r.months as ChurnMonth[]);
const cohorts = (q: string) => get(cohortsEndpoint, q).then((r) => r.cohorts as Cohort[]);
const month = (months: ChurnMonth[], m: string) => {
  const found = months.find((x) => x.month === m);
  if (!found) throw new Error(`month ${m} missing`);
  return found;
};

/** The month-edge scenario (E1–E3) under a plan of its own, returned; two tests read it. */
async function insertEdgeAccounts(): Promise<string> {
  const plan = uniqueId("edge");
  await insertAccounts(t.db, [
    // E1 converts exactly at 2024-05-01T00:00Z: May's, not April's.
    { id: `${plan}-e1`, plan, events: [["2024-05-01T00:00:00Z", "converted", 10000]] },
    // E2 converts at 23:30 on 31 May in UTC−2, which is 01:30 UTC on 1 June: June's.
    { id: `${plan}-e2`, plan, events: [["2024-05-31T23:30:00-02:00", "converted", 9000]] },
    // E3 converts on 15 April and cancels at 01:00 on 1 May in UTC+2, i.e. 23:00 UTC on 30 April.
    {
      id: `${plan}-e3`,
      plan,
      events: [
        ["2024-04-15T00:00:00Z", "converted", 7000],
        ["2024-05-01T01:00:00+02:00", "canceled"],
      ],
    },
  ]);
  return plan;
}

describe("the seed puzzle (SPEC §3: 100 customers, 30 new, 20 lost, 110 at the end)", () => {
  const query = "asOf=2024-04-15T00:00:00Z&from=2024-01&to=2024-03&plan=puzzle";

  // Loaded once for these tests, which only read it; no other test writes plan `puzzle`.
  beforeAll(async () => {
    await loadSeedPuzzle(t.db);
  });

  it("answers churn, cohorts and reasons exactly as the fixture expects", async () => {
    expect(await get(churnEndpoint, query)).toEqual(seedPuzzle("expected-churn.json"));
    expect(await get(cohortsEndpoint, query)).toEqual(seedPuzzle("expected-cohorts.json"));
    const reasons = (await get(reasonsEndpoint, query)) as ReasonsReport;
    const expected = seedPuzzle<Pick<ReasonsReport, "asOf" | "reasonCodes" | "byOffer">>("expected-reasons.json");
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
    const overview = await get(overviewEndpoint, "asOf=2024-04-15T00:00:00Z&plan=puzzle");
    // At asOf all 110 March-end customers remain: 80 × $100 + 30 × $50 = $9,500.
    expect(overview).toMatchObject({ customers: 110, mrrCents: 950000 });
    expect(overview.lastMonth?.month).toBe("2024-03");
    expect(overview.lastMonth?.logoChurnRate).toBe(0.2);
    expect(overview.previousMonth?.month).toBe("2024-02");
  });

  it("drills through to exactly the accounts each figure counts", async () => {
    const scope = resolveScope({ asOf: new Date("2024-04-15T00:00:00Z"), plan: "puzzle" });
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

  it("downloads the same numbers as CSV", async () => {
    const json = (await get(churnEndpoint, query)).months;
    const response = await call(churnEndpoint, `${query}&format=csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parse(await response.text(), {
      columns: true,
      cast: (v) => (v === "" ? null : Number.isNaN(Number(v)) ? v : Number(v)),
    });
    expect(rows).toEqual(json);
    const cohortRows = parse(await (await call(cohortsEndpoint, `${query}&format=csv`)).text(), { columns: true });
    const cells = (await cohorts(query)).flatMap((c) => c.cells);
    expect(cohortRows).toHaveLength(cells.length);
  });
});

describe("movements (hand-computed)", () => {
  it("keeps churn, reactivation and new-and-lost apart", async () => {
    await insertAccounts(t.db, [
      // R1: $100 from January, cancels in February, comes back in March at $120 and leaves again in March.
      {
        id: "r1",
        plan: "react",
        events: [
          ["2024-01-10T00:00:00Z", "converted", 10000],
          ["2024-02-05T00:00:00Z", "canceled"],
          ["2024-03-10T00:00:00Z", "reactivated", 12000],
          ["2024-03-20T00:00:00Z", "canceled"],
        ],
      },
      // R2: $200, cancels on 5 March and reactivates at $250 on 25 March: start and end compared → expansion $50.
      {
        id: "r2",
        plan: "react",
        events: [
          ["2024-01-10T00:00:00Z", "converted", 20000],
          ["2024-03-05T00:00:00Z", "canceled"],
          ["2024-03-25T00:00:00Z", "reactivated", 25000],
        ],
      },
      // R3: $50, cancels in February, reactivates at $50 in April.
      {
        id: "r3",
        plan: "react",
        events: [
          ["2024-01-15T00:00:00Z", "converted", 5000],
          ["2024-02-10T00:00:00Z", "canceled"],
          ["2024-04-02T00:00:00Z", "reactivated", 5000],
        ],
      },
    ]);
    const months = await churn("asOf=2024-06-01T00:00:00Z&from=2024-01&to=2024-05&plan=react");
    expect(months.map((m) => m.month)).toEqual(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]);
    // January: three new customers, $350; no one at the start, so every rate is null.
    expect(month(months, "2024-01")).toMatchObject({
      customersStart: 0,
      customersEnd: 3,
      new: 3,
      newCents: 35000,
      logoChurnRate: null,
      quickRatio: null,
    });
    // February: 3 at the start ($350); R1 and R3 churn ($150) → 1 left ($200).
    // logo 2/3; gross 15000/35000; net the same; NRR (35000 − 15000)/35000; quick 0/15000 = 0.
    expect(month(months, "2024-02")).toMatchObject({
      customersStart: 3,
      customersEnd: 1,
      churned: 2,
      churnedCents: 15000,
      logoChurnRate: 2 / 3,
      grossMrrChurnRate: 15000 / 35000,
      netMrrChurnRate: 15000 / 35000,
      netRevenueRetention: 20000 / 35000,
      quickRatio: 0,
    });
    // March: R2 is a customer at both ends, $200 → $250: expansion $50. R1 returns and leaves: new-and-lost.
    // logo 0/1 = 0; gross 0; net (0 − 5000)/20000 = −0.25; NRR (20000 + 5000)/20000 = 1.25; quick 5000/0 → null.
    expect(month(months, "2024-03")).toMatchObject({
      customersStart: 1,
      customersEnd: 1,
      new: 0,
      reactivated: 0,
      churned: 0,
      newAndLost: 1,
      expansionCents: 5000,
      mrrStartCents: 20000,
      mrrEndCents: 25000,
      logoChurnRate: 0,
      grossMrrChurnRate: 0,
      netMrrChurnRate: -0.25,
      netRevenueRetention: 1.25,
      quickRatio: null,
    });
    // April: R3 comes back at $50: a reactivation, not new. net (0 − 5000)/25000 = −0.2; quick 5000/0 → null.
    expect(month(months, "2024-04")).toMatchObject({
      reactivated: 1,
      reactivationCents: 5000,
      new: 0,
      customersEnd: 2,
      netMrrChurnRate: -0.2,
      netRevenueRetention: 1,
    });
    // May: no events, still listed, nothing moves.
    expect(month(months, "2024-05")).toMatchObject({
      customersStart: 2,
      customersEnd: 2,
      mrrStartCents: 30000,
      logoChurnRate: 0,
      quickRatio: null,
    });
  });

  it("counts a conversion and a cancel in one month as new-and-lost, and the cohort keeps it", async () => {
    // F1: trial in February, converts at $300 on 3 March, cancels on 28 March.
    await insertAccounts(t.db, [
      {
        id: "f1",
        plan: "flash",
        events: [
          ["2024-02-20T00:00:00Z", "trial_started", 0],
          ["2024-03-03T00:00:00Z", "converted", 30000],
          ["2024-03-28T00:00:00Z", "canceled"],
        ],
      },
    ]);
    const march = month(await churn("asOf=2024-05-01T00:00:00Z&from=2024-03&to=2024-03&plan=flash"), "2024-03");
    expect(march).toMatchObject({ customersStart: 0, customersEnd: 0, new: 0, newAndLost: 1, churned: 0, newCents: 0 });
    // Cohort March: size 1, base $300; at the end of March and April no customer is left.
    expect(await cohorts("asOf=2024-05-01T00:00:00Z&from=2024-03&to=2024-03&plan=flash")).toEqual([
      {
        cohort: "2024-03",
        size: 1,
        baseMrrCents: 30000,
        cells: [
          { age: 0, customers: 0, mrrCents: 0, logoRetention: 0, revenueRetention: 0 },
          { age: 1, customers: 0, mrrCents: 0, logoRetention: 0, revenueRetention: 0 },
        ],
      },
    ]);
  });

  it("treats a pause as a contraction to its amount and the resume as an expansion", async () => {
    await insertAccounts(t.db, [
      // P1: $100, paused at $0 on 10 February, resumed at $100 exactly at 00:00 on 1 April.
      {
        id: "p1",
        plan: "pause",
        events: [
          ["2024-01-05T00:00:00Z", "converted", 10000],
          ["2024-02-10T00:00:00Z", "paused", 0],
          ["2024-04-01T00:00:00Z", "resumed", 10000],
        ],
      },
      // P2: $80, paused at $20 on 15 February.
      {
        id: "p2",
        plan: "pause",
        events: [
          ["2024-01-05T00:00:00Z", "converted", 8000],
          ["2024-02-15T00:00:00Z", "paused", 2000],
        ],
      },
    ]);
    const months = await churn("asOf=2024-05-01T00:00:00Z&from=2024-02&to=2024-04&plan=pause");
    // February: paused accounts stay customers: contraction 10000 + 6000; gross 16000/18000; NRR 2000/18000.
    expect(month(months, "2024-02")).toMatchObject({
      customersStart: 2,
      customersEnd: 2,
      churned: 0,
      contractionCents: 16000,
      mrrEndCents: 2000,
      grossMrrChurnRate: 16000 / 18000,
      netRevenueRetention: 2000 / 18000,
    });
    // March: the resume at 00:00 on 1 April is not before the end of March: nothing moves.
    expect(month(months, "2024-03")).toMatchObject({
      customersEnd: 2,
      mrrEndCents: 2000,
      expansionCents: 0,
      grossMrrChurnRate: 0,
    });
    // April: P1 back at $100: expansion 10000; net −10000/2000 = −5; NRR 12000/2000 = 6.
    expect(month(months, "2024-04")).toMatchObject({
      expansionCents: 10000,
      mrrEndCents: 12000,
      netMrrChurnRate: -5,
      netRevenueRetention: 6,
    });
  });

  it("places events at 00:00 on the 1st and with a zone offset in the right UTC month", async () => {
    const plan = await insertEdgeAccounts();
    const months = await churn(`asOf=2024-08-01T00:00:00Z&from=2024-04&to=2024-06&plan=${plan}`);
    expect(month(months, "2024-04")).toMatchObject({ customersStart: 0, customersEnd: 0, new: 0, newAndLost: 1 });
    expect(month(months, "2024-05")).toMatchObject({ customersStart: 0, customersEnd: 1, new: 1, newCents: 10000 });
    expect(month(months, "2024-06")).toMatchObject({
      customersStart: 1,
      customersEnd: 2,
      new: 1,
      newCents: 9000,
      mrrEndCents: 19000,
    });
    const table = await cohorts(`asOf=2024-08-01T00:00:00Z&from=2024-04&to=2024-06&plan=${plan}`);
    expect(table.map((c) => [c.cohort, c.size, c.baseMrrCents, c.cells.length])).toEqual([
      // Ages up to July, the last month ended by asOf: April 0–3, May 0–2, June 0–1.
      ["2024-04", 1, 7000, 4],
      ["2024-05", 1, 10000, 3],
      ["2024-06", 1, 9000, 2],
    ]);
    expect(table[1]?.cells[0]).toEqual({
      age: 0,
      customers: 1,
      mrrCents: 10000,
      logoRetention: 1,
      revenueRetention: 1,
    });
  });

  it("lists the cohort of the month that has not ended, without cells, counting conversions before asOf", async () => {
    const plan = await insertEdgeAccounts();
    // asOf 2024-06-10: E2 converted on 1 June (before asOf); June has not ended.
    const table = await cohorts(`asOf=2024-06-10T00:00:00Z&from=2024-05&to=2024-06&plan=${plan}`);
    expect(table.map((c) => [c.cohort, c.size, c.cells.length])).toEqual([
      ["2024-05", 1, 1],
      ["2024-06", 1, 0],
    ]);
    // asOf at 01:00 UTC on 1 June: E2's conversion at 01:30 is still in the future.
    const early = await cohorts(`asOf=2024-06-01T01:00:00Z&from=2024-05&to=2024-06&plan=${plan}`);
    expect(early.map((c) => c.cohort)).toEqual(["2024-05"]);
  });

  it("moves an account's figures when its segment changes", async () => {
    await insertAccounts(t.db, [
      { id: "s1", plan: "seg", segment: "smb", events: [["2024-01-10T00:00:00Z", "converted", 4000]] },
    ]);
    const q = "asOf=2024-03-01T00:00:00Z&from=2024-01&to=2024-02&plan=seg";
    expect(month(await churn(`${q}&segment=smb`), "2024-02").customersEnd).toBe(1);
    await t.db.update(accounts).set({ segment: "mid" }).where(eq(accounts.id, "s1"));
    await refreshDerived(t.db, ["s1"]);
    expect(month(await churn(`${q}&segment=smb`), "2024-02").customersEnd).toBe(0);
    expect(month(await churn(`${q}&segment=mid`), "2024-02").customersEnd).toBe(1);
    expect((await cohorts(`${q}&segment=mid`))[0]).toMatchObject({ cohort: "2024-01", size: 1 });
    expect(await cohorts(`${q}&segment=smb`)).toEqual([]);
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
    const report = (await get(
      reasonsEndpoint,
      "asOf=2024-04-10T00:00:00Z&from=2024-03&to=2024-03&plan=saves",
    )) as ReasonsReport;
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

describe("read API parameters", () => {
  it("defaults to the 24 months up to the last one ended by asOf", async () => {
    const months = await churn("asOf=2024-04-15T10:00:00%2B02:00&plan=none-such");
    expect(months).toHaveLength(24);
    expect(months[0]?.month).toBe("2022-04");
    expect(months[23]?.month).toBe("2024-03");
  });

  it("names each bad parameter in a problem+json answer", async () => {
    const response = await call(churnEndpoint, "asOf=2024-04-15&from=2024-13&segment=huge");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = (await response.json()) as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field).sort()).toEqual(["asOf", "from", "segment"]);
  });
});

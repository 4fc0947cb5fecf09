// The monthly movements of SPEC §3 (churn, reactivation, new-and-lost, pauses, month edges, a
// segment change) from the queries behind the read API, on hand-computed fixtures. Each scenario has
// its own plan, so one database holds them all and `plan=` isolates each.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import type { ChurnMonth } from "@/lib/metrics/churn";
import { setupTestDb } from "@/test/db";
import { uniqueId } from "@/test/factories";
import { insertAccounts } from "@/test/fixtures";
import { scopeOf } from "@/test/metrics-scope";
import { cohortReport } from "./cohort-report";
import { churnReport } from "./metrics";
import { refreshDerived } from "./rollups";

const t = setupTestDb();

const churn = (q: string) => churnReport(t.db, scopeOf(q)).then((r) => r.months);
const cohorts = (q: string) => cohortReport(t.db, scopeOf(q)).then((r) => r.cohorts);
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

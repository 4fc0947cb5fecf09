// Random event histories, written in two batches (so the rollups are also updated incrementally),
// against a brute force written here from SPEC §3's words: it walks every account's events
// instant by instant and classifies each month from the states it sees.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChurnMonth } from "@/lib/metrics/churn";
import { SUBSCRIPTION_EVENT_TYPES, type SubscriptionEventType } from "@/lib/values";
import { setupTestDb } from "@/test/db";
import { type FixtureEvent, insertAccounts, insertEvents } from "@/test/fixtures";
import { scopeOf } from "@/test/metrics-scope";
import { cohortReport } from "./cohort-report";
import { churnReport } from "./metrics";

const t = setupTestDb();

const MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"];
const ASOF = "2024-08-01T00:00:00.000Z";
const START = Date.parse("2024-01-01T00:00:00Z");
const END = Date.parse("2024-07-01T00:00:00Z");

interface Ev {
  at: number;
  type: SubscriptionEventType;
  mrr: number;
}

// Instants bunch on month boundaries and repeat, to hit 00:00 on the 1st and same-instant events.
const instant = fc.oneof(
  fc.integer({ min: START, max: END - 1 }).map((ms) => Math.floor(ms / 1000) * 1000),
  fc.constantFrom(...MONTHS.map((m) => Date.parse(`${m}-01T00:00:00Z`))),
  fc.constantFrom(Date.parse("2024-03-15T12:00:00Z")),
);
const event = fc.record({
  at: instant,
  type: fc.constantFrom(...SUBSCRIPTION_EVENT_TYPES),
  mrr: fc.constantFrom(0, 1000, 2500, 5000, 12000),
});
const history = fc.array(event, { maxLength: 8 });

// ---- brute force, from the definitions ----
const CUSTOMER: ReadonlySet<string> = new Set([
  "converted",
  "expansion",
  "contraction",
  "resumed",
  "reactivated",
  "paused",
]);

/** Events in the order they apply: by time, then as received (a stable sort keeps arrival order). */
function ordered(events: Ev[]): Ev[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
}
function stateAt(events: Ev[], t: number): { customer: boolean; mrr: number } {
  let last: Ev | undefined;
  for (const e of events) if (e.at < t) last = e;
  if (!last || !CUSTOMER.has(last.type)) return { customer: false, mrr: 0 };
  return { customer: true, mrr: last.mrr };
}
/** Every instant the account's state can change: its event times (the state holds just after). */
function customerAnyTimeIn(events: Ev[], from: number, to: number): boolean {
  if (stateAt(events, from).customer) return true;
  return events.some((e) => e.at >= from && e.at < to && stateAt(events, e.at + 1).customer);
}

function bruteChurn(
  accounts: Ev[][],
  month: string,
): Omit<ChurnMonth, "logoChurnRate" | "grossMrrChurnRate" | "netMrrChurnRate" | "netRevenueRetention" | "quickRatio"> {
  const s = Date.parse(`${month}-01T00:00:00Z`);
  const e = Date.parse(`${MONTHS[MONTHS.indexOf(month) + 1] ?? "2024-07"}-01T00:00:00Z`);
  const r = {
    month,
    customersStart: 0,
    customersEnd: 0,
    new: 0,
    reactivated: 0,
    churned: 0,
    newAndLost: 0,
    mrrStartCents: 0,
    mrrEndCents: 0,
    newCents: 0,
    expansionCents: 0,
    contractionCents: 0,
    churnedCents: 0,
    reactivationCents: 0,
  };
  for (const events of accounts) {
    const a = stateAt(events, s);
    const b = stateAt(events, e);
    r.customersStart += Number(a.customer);
    r.customersEnd += Number(b.customer);
    r.mrrStartCents += a.mrr;
    r.mrrEndCents += b.mrr;
    if (a.customer && b.customer) {
      if (b.mrr > a.mrr) r.expansionCents += b.mrr - a.mrr;
      else r.contractionCents += a.mrr - b.mrr;
    } else if (a.customer) {
      r.churned += 1;
      r.churnedCents += a.mrr;
    } else if (b.customer) {
      const before = events.some((x) => x.at < s && stateAt(events, x.at + 1).customer);
      if (before) {
        r.reactivated += 1;
        r.reactivationCents += b.mrr;
      } else {
        r.new += 1;
        r.newCents += b.mrr;
      }
    } else if (customerAnyTimeIn(events, s, e)) {
      r.newAndLost += 1;
    }
  }
  return r;
}

function bruteCohorts(
  accounts: Ev[][],
): { cohort: string; size: number; baseMrrCents: number; cells: [number, number, number][] }[] {
  const out = new Map<string, { size: number; base: number; members: Ev[][] }>();
  for (const events of accounts) {
    const first = events.find((x) => x.type === "converted");
    if (!first) continue;
    const cohort = new Date(first.at).toISOString().slice(0, 7);
    const c = out.get(cohort) ?? { size: 0, base: 0, members: [] };
    c.size += 1;
    c.base += first.mrr;
    c.members.push(events);
    out.set(cohort, c);
  }
  return [...out.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, c]) => ({
      cohort,
      size: c.size,
      baseMrrCents: c.base,
      // Ages up to July, the last month ended by asOf (1 August).
      cells: [...MONTHS, "2024-07"].slice(MONTHS.indexOf(cohort)).map((m, age): [number, number, number] => {
        const end = Date.parse(`${m}-01T00:00:00Z`) + 32 * 86_400_000;
        const boundary = Date.parse(`${new Date(end).toISOString().slice(0, 7)}-01T00:00:00Z`);
        const states = c.members.map((ev) => stateAt(ev, boundary));
        return [age, states.filter((x) => x.customer).length, states.reduce((sum, x) => sum + x.mrr, 0)];
      }),
    }));
}

let run = 0;

describe("metrics against a brute-force walk of random histories", () => {
  it("agree on every churn month and every cohort cell", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(history, history), { minLength: 1, maxLength: 5 }), async (specs) => {
        const plan = `prop-${run++}`;
        const idOf = (i: number) => `${plan}-${i}`;
        const toFixture = (list: Ev[]): FixtureEvent[] =>
          list.map((x) => [new Date(x.at).toISOString(), x.type, x.mrr]);
        // First batch at insert, second appended later: the order within each list is its arrival order.
        await insertAccounts(
          t.db,
          specs.map(([first], i) => ({ id: idOf(i), plan, events: toFixture(first) })),
        );
        for (const [i, [, second]] of specs.entries()) await insertEvents(t.db, idOf(i), toFixture(second));
        const accounts = specs.map(([first, second]) =>
          ordered([...first, ...second]).map((x) => ({
            ...x,
            mrr: x.type === "canceled" || x.type === "trial_started" ? 0 : x.mrr,
          })),
        );

        const scope = scopeOf(`asOf=${ASOF}&from=2024-01&to=2024-06&plan=${plan}`);
        const churnBody = await churnReport(t.db, scope);
        for (const m of MONTHS) {
          const expected = bruteChurn(accounts, m);
          const got = churnBody.months.find((x) => x.month === m);
          expect(got).toMatchObject(expected);
          expect(got?.logoChurnRate).toBe(
            expected.customersStart === 0 ? null : expected.churned / expected.customersStart,
          );
        }
        const cohortBody = await cohortReport(t.db, scope);
        expect(
          cohortBody.cohorts.map((c) => ({
            cohort: c.cohort,
            size: c.size,
            baseMrrCents: c.baseMrrCents,
            cells: c.cells.map((x) => [x.age, x.customers, x.mrrCents]),
          })),
        ).toEqual(bruteCohorts(accounts));
      }),
      { numRuns: 80, seed: 20261126 },
    );
  });
});

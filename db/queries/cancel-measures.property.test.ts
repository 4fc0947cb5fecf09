// The cancel flow's measures against a brute-force count of random sessions: status as of asOf,
// the deflection rate, each variant's sessions, saves and pending saves (only the sessions that
// chose the experiment's reason), and the watchlist — the database's answer and a plain walk over
// the same rows must agree.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reasonsReportFor } from "@/db/queries/reasons-report";
import { setupTestDb } from "@/test/db";
import { type SessionRow, insertFlow, insertSessionRows, testFlowContent } from "@/test/cancel-flow-fixture";
import { type FixtureEvent, insertAccounts } from "@/test/fixtures";

const t = setupTestDb();
const DAY = 86_400_000;
const ASOF = Date.parse("2026-06-15T00:00:00Z");
const FROM = Date.parse("2026-01-01T00:00:00Z");
const TO_END = Date.parse("2026-07-01T00:00:00Z");
const SAVED_TYPES = new Set(["converted", "expansion", "contraction", "resumed", "reactivated", "paused"]);

const session = fc.record({
  status: fc.constantFrom("open", "saved", "canceled", "abandoned", "expired"),
  variant: fc.constantFrom("A", "B", null),
  reasonCode: fc.constantFrom("too_expensive", "unused", null),
  // Made between 1 Dec 2025 and 20 Jun 2026, on the hour.
  created: fc.integer({ min: 0, max: 201 * 24 }).map((h) => Date.parse("2025-12-01T00:00:00Z") + h * 3_600_000),
  // Ended minutes to 40 days later (possibly after asOf).
  endedAfter: fc.integer({ min: 5, max: 40 * 24 * 60 }).map((m) => m * 60_000),
  // What the account did after: nothing, paused, canceled or contracted, some days after the end.
  after: fc.option(fc.tuple(fc.constantFrom("paused", "canceled", "contraction"), fc.integer({ min: 0, max: 45 }))),
});
type Gen = typeof session extends fc.Arbitrary<infer T> ? T : never;

function brute(rows: Gen[]) {
  const statuses = { open: 0, saved: 0, canceled: 0, abandoned: 0, expired: 0 };
  const variants = new Map<string, { sessions: number; saved: number; pending: number }>();
  const watch = { visited: 0 };
  for (const r of rows) {
    const ended = r.created + r.endedAfter;
    const status = r.status === "open" || ended > ASOF ? "open" : r.status;
    const inPeriod = r.created >= FROM && r.created < TO_END && r.created < ASOF;
    // Watchlist: opened (= made; never for expired) in (asOf − 30 d, asOf], not canceled by asOf.
    if (r.status !== "expired" && r.created > ASOF - 30 * DAY && r.created <= ASOF && status !== "canceled")
      watch.visited++;
    if (!inPeriod) continue;
    statuses[status]++;
    if (!r.variant || r.reasonCode !== "too_expensive" || (status !== "saved" && status !== "canceled")) continue;
    const v = variants.get(r.variant) ?? { sessions: 0, saved: 0, pending: 0 };
    v.sessions++;
    if (status === "saved") {
      const windowEnd = ended + 30 * DAY;
      if (windowEnd > ASOF) v.pending++;
      else {
        // The account's last event before the window's end: converted in 2025, then `after`.
        const afterAt = r.after ? ended + r.after[1] * DAY + 1000 : null;
        const last = r.after && afterAt !== null && afterAt < windowEnd ? r.after[0] : "converted";
        if (SAVED_TYPES.has(last)) v.saved++;
      }
    }
    variants.set(r.variant, v);
  }
  return { statuses, variants, watchlist: watch.visited };
}

let run = 0;

describe("the cancel flow's measures against a brute-force count", () => {
  it("agree on statuses, deflection, every variant and the watchlist", async () => {
    const content = testFlowContent({
      experiment: { reasonCode: "too_expensive", offerB: { kind: "pause", maxMonths: 2 }, shareB: 0.5 },
    });
    await fc.assert(
      fc.asyncProperty(fc.array(session, { minLength: 1, maxLength: 12 }), async (rows) => {
        const plan = `cm-prop-${run++}`;
        const { versionIds } = await insertFlow(t.db, { content });
        const ids = rows.map((_, i) => `${plan}-${i}`);
        await insertAccounts(
          t.db,
          rows.map((r, i): { id: string; plan: string; events: FixtureEvent[] } => {
            const events: FixtureEvent[] = [["2025-06-01T00:00:00Z", "converted", 10_000]];
            if (r.after) {
              const at = new Date(r.created + r.endedAfter + r.after[1] * DAY + 1000).toISOString();
              events.push(
                r.after[0] === "canceled" ? [at, "canceled"] : [at, r.after[0], r.after[0] === "paused" ? 0 : 5_000],
              );
            }
            return { id: ids[i] ?? "", plan, events };
          }),
        );
        await insertSessionRows(
          t.db,
          rows.map((r, i): SessionRow => ({
            accountId: ids[i],
            status: r.status,
            variant: r.variant,
            reasonCode: r.reasonCode ?? undefined,
            created: new Date(r.created).toISOString(),
            ended: r.status === "open" ? undefined : new Date(r.created + r.endedAfter).toISOString(),
          })),
          versionIds[0],
        );
        const report = await reasonsReportFor(t.db, { from: "2026-01", to: "2026-06", asOf: new Date(ASOF), plan });
        const expected = brute(rows);
        expect(report.sessions).toEqual(expected.statuses);
        const { saved, canceled } = expected.statuses;
        expect(report.deflectionRate).toBe(saved + canceled === 0 ? null : saved / (saved + canceled));
        expect(
          Object.fromEntries(
            report.byVariant.map((v) => [v.variant, { sessions: v.sessions, saved: v.saved, pending: v.pending }]),
          ),
        ).toEqual(Object.fromEntries(expected.variants));
        for (const v of report.byVariant) {
          const judged = v.sessions - v.pending;
          expect(v.saveRate).toBe(judged === 0 ? null : v.saved / judged);
          if (v.low !== null && v.high !== null && v.saveRate !== null) {
            expect(v.low).toBeLessThanOrEqual(v.saveRate + 1e-12);
            expect(v.high).toBeGreaterThanOrEqual(v.saveRate - 1e-12);
          }
        }
        expect(report.watchlistAccounts).toBe(expected.watchlist);
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });
});

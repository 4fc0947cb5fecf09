// The cancel flow's measures in the reasons report (SPEC §5, §7), on sessions written by hand with
// their status, variant and end time; the answers are worked out below.
import { describe, expect, it } from "vitest";
import { drillWatchlist } from "@/db/queries/cancel-watchlist";
import { drillSessions, drillVariant } from "@/db/queries/drill";
import { reasonsReportFor } from "@/db/queries/reasons-report";
import { setupTestDbPerTest } from "@/test/db";
import { type SessionRow, insertFlow, insertSessionRows, testFlowContent } from "@/test/cancel-flow-fixture";

const t = setupTestDbPerTest();
const ASOF = new Date("2026-06-15T00:00:00Z");
const scope = { from: "2026-01", to: "2026-06", asOf: ASOF };

/** A flow whose one version tries `offerB` for "Too expensive" (its own offer: 25 % off for 3 months). */
async function experimentFlow(name: string, offerB: { kind: "discount"; percent: number; months: number }) {
  const content = testFlowContent({ experiment: { reasonCode: "too_expensive", offerB, shareB: 0.5 } });
  const { flowId, versionIds } = await insertFlow(t.db, { name, content });
  return { flowId, versionId: versionIds[0] ?? "" };
}
const OFFER_A = { kind: "discount", percent: 25, months: 3 } as const;

describe("the cancel flow's measures", () => {
  it("counts sessions by status as of asOf, the deflection rate and each variant's save rate with its interval", async () => {
    const flow = await experimentFlow("Acme", { kind: "discount", percent: 50, months: 1 });
    await insertSessionRows(
      t.db,
      [
        // 1. A, saved 1 Mar, paused the same day: the last event by 31 Mar is `paused` → the save held.
        {
          status: "saved",
          variant: "A",
          reasonCode: "too_expensive",
          created: "2026-03-01T10:00:00Z",
          ended: "2026-03-01T10:05:00Z",
          events: [["2026-03-01T10:05:00Z", "paused", 0]],
        },
        // 2. A, saved 5 Mar, canceled 20 Mar: lost within 30 days.
        {
          status: "saved",
          variant: "A",
          reasonCode: "too_expensive",
          created: "2026-03-05T10:00:00Z",
          ended: "2026-03-05T10:05:00Z",
          events: [["2026-03-20T00:00:00Z", "canceled"]],
        },
        // 3. A, canceled.
        {
          status: "canceled",
          variant: "A",
          reasonCode: "too_expensive",
          created: "2026-03-10T10:00:00Z",
          ended: "2026-03-10T10:05:00Z",
        },
        // 4. B, saved 1 Jun: 30 days end 1 Jul, after asOf → pending.
        {
          status: "saved",
          variant: "B",
          reasonCode: "too_expensive",
          created: "2026-06-01T10:00:00Z",
          ended: "2026-06-01T10:05:00Z",
        },
        // 5. B, saved 1 Feb with a downgrade: last event by 3 Mar is `contraction` → held.
        {
          status: "saved",
          variant: "B",
          reasonCode: "too_expensive",
          created: "2026-02-01T10:00:00Z",
          ended: "2026-02-01T10:05:00Z",
          events: [["2026-02-01T10:05:00Z", "contraction", 5_000]],
        },
        // 6. B, canceled.
        {
          status: "canceled",
          variant: "B",
          reasonCode: "too_expensive",
          created: "2026-04-01T10:00:00Z",
          ended: "2026-04-01T10:05:00Z",
        },
        // 7. B, made 10 Jun, ended 20 Jun — after asOf, so open as of asOf, and in no variant's count.
        {
          status: "canceled",
          variant: "B",
          reasonCode: "too_expensive",
          created: "2026-06-10T10:00:00Z",
          ended: "2026-06-20T10:05:00Z",
        },
        // 10. B, canceled after choosing another reason: it never met the experiment's offer, so it is
        // in the status counts and the deflection rate but in neither variant.
        {
          status: "canceled",
          variant: "B",
          reasonCode: "unused",
          created: "2026-04-02T10:00:00Z",
          ended: "2026-04-02T10:05:00Z",
        },
        // 8. Abandoned and 9. expired, in no experiment.
        { status: "abandoned", variant: null, created: "2026-04-01T10:00:00Z", ended: "2026-04-02T10:00:00Z" },
        { status: "expired", variant: null, created: "2026-04-03T10:00:00Z", ended: "2026-04-03T11:00:00Z" },
        // Left out: a preview, and a session made before `from`.
        {
          status: "saved",
          variant: "A",
          reasonCode: "too_expensive",
          created: "2026-03-01T10:00:00Z",
          ended: "2026-03-01T10:05:00Z",
          preview: true,
        },
        {
          status: "canceled",
          variant: "A",
          reasonCode: "too_expensive",
          created: "2025-12-01T10:00:00Z",
          ended: "2025-12-01T10:05:00Z",
        },
      ],
      flow.versionId,
    );
    const report = await reasonsReportFor(t.db, scope);
    // saved: 1, 2, 4, 5; canceled: 3, 6, 10; open: 7.
    expect(report.sessions).toEqual({ open: 1, saved: 4, canceled: 3, abandoned: 1, expired: 1 });
    // The watchlist as of 15 Jun: #4 (saved 1 Jun) and #7 (open as of asOf); the rest opened before 16 May.
    expect(report.watchlistAccounts).toBe(2);
    // 4 ÷ (4 + 3).
    expect(report.deflectionRate).toBeCloseTo(4 / 7, 10);
    const named = { flowId: flow.flowId, flowName: "Acme v1", flowVersionId: flow.versionId, flowVersion: 1 };
    expect(report.byVariant.map(({ low, high, ...rest }) => rest)).toEqual([
      // A (the slot's own 25 % off): sessions 1, 2, 3; held 1 (#1); none pending → 1 ÷ 3.
      {
        ...named,
        variant: "A",
        reasonCode: "too_expensive",
        offer: OFFER_A,
        sessions: 3,
        saved: 1,
        pending: 0,
        saveRate: 1 / 3,
      },
      // B (50 % off for a month): sessions 4, 5, 6; held 1 (#5); pending 1 (#4) → 1 ÷ (3 − 1).
      {
        ...named,
        variant: "B",
        reasonCode: "too_expensive",
        offer: { kind: "discount", percent: 50, months: 1 },
        sessions: 3,
        saved: 1,
        pending: 1,
        saveRate: 0.5,
      },
    ]);
    // Wilson, z = 1.959964: 1 of 3 → z²/n = 1.280486, centre (0.333333 + 0.640243) ÷ 2.280486 = 0.426916,
    // half 0.859450 · √(0.074074 + 0.106707) = 0.365424 → [0.061492, 0.792340].
    // 1 of 2 → centre 0.5, half 0.671053 · √(0.125 + 0.240091) = 0.405469 → [0.094531, 0.905469].
    const [a, b] = report.byVariant;
    expect(a?.low).toBeCloseTo(0.061492, 5);
    expect(a?.high).toBeCloseTo(0.79234, 5);
    expect(b?.low).toBeCloseTo(0.094531, 5);
    expect(b?.high).toBeCloseTo(0.905469, 5);

    // Each figure drills through to exactly the accounts it counts (one account per session here).
    expect((await drillSessions(t.db, scope, "saved")).total).toBe(4);
    expect((await drillSessions(t.db, scope, "canceled")).total).toBe(3);
    expect((await drillSessions(t.db, scope, "open")).total).toBe(1);
    expect((await drillVariant(t.db, scope, flow.versionId, "A")).total).toBe(3);
    // #4, #5, #6 — not #10, which chose another reason.
    expect((await drillVariant(t.db, scope, flow.versionId, "B")).total).toBe(3);
    const watchlist = await drillWatchlist(t.db, scope);
    expect(watchlist.total).toBe(2);
    // Newest visit first: #7 (opened 10 Jun, open as of asOf), then #4 (saved 1 Jun, no offer taken).
    expect(watchlist.accounts.map((a) => a.detail)).toEqual([
      "Opened the cancel page on 10 Jun and has not finished",
      "Opened the cancel page on 1 Jun and stayed",
    ]);
  });

  it("keeps the variants of two flows' version 1 apart, each with its own flow's offer", async () => {
    const beta = await experimentFlow("Beta", { kind: "discount", percent: 40, months: 2 });
    const alpha = await experimentFlow("Alpha", { kind: "discount", percent: 10, months: 6 });
    // A save pauses the account at once, so it holds.
    const ended = (status: "saved" | "canceled", variant: string): SessionRow => ({
      status,
      variant,
      reasonCode: "too_expensive",
      created: "2026-03-01T10:00:00Z",
      ended: "2026-03-01T10:05:00Z",
      events: status === "saved" ? [["2026-03-01T10:05:00Z", "paused", 0]] : [],
    });
    // Alpha: A canceled, B saved (held). Beta: A saved (held) twice, B canceled.
    await insertSessionRows(t.db, [ended("canceled", "A"), ended("saved", "B")], alpha.versionId);
    await insertSessionRows(t.db, [ended("saved", "A"), ended("saved", "A"), ended("canceled", "B")], beta.versionId);
    const report = await reasonsReportFor(t.db, scope);
    // By flow name, then variant: Alpha A 0 of 1, Alpha B 1 of 1, Beta A 2 of 2, Beta B 0 of 1.
    expect(report.byVariant.map((v) => [v.flowName, v.flowVersion, v.variant, v.offer, v.saved, v.sessions])).toEqual([
      ["Alpha v1", 1, "A", OFFER_A, 0, 1],
      ["Alpha v1", 1, "B", { kind: "discount", percent: 10, months: 6 }, 1, 1],
      ["Beta v1", 1, "A", OFFER_A, 2, 2],
      ["Beta v1", 1, "B", { kind: "discount", percent: 40, months: 2 }, 0, 1],
    ]);
    // 3 saved, 2 canceled → 3 ÷ 5.
    expect(report.deflectionRate).toBeCloseTo(0.6, 10);
  });

  it("with no session: every count 0, no deflection rate, no variant", async () => {
    const report = await reasonsReportFor(t.db, scope);
    expect(report.sessions).toEqual({ open: 0, saved: 0, canceled: 0, abandoned: 0, expired: 0 });
    expect(report.deflectionRate).toBeNull();
    expect(report.byVariant).toEqual([]);
    expect(report.watchlistAccounts).toBe(0);
  });
});

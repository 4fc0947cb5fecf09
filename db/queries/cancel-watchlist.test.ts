// The watchlist (SPEC §7) on sessions written by hand: who opened the cancel page in the 30 days
// before asOf and did not cancel there, newest visit first.
import { describe, expect, it } from "vitest";
import { cancelWatchlist } from "@/db/queries/cancel-watchlist";
import { setupTestDbPerTest } from "@/test/db";
import { insertAccounts } from "@/test/fixtures";
import { insertSessionRows } from "@/test/cancel-flow-fixture";

const t = setupTestDbPerTest();
const ASOF = new Date("2026-06-15T00:00:00Z");
/** `n` days before asOf. */
const daysBefore = (n: number) => new Date(ASOF.getTime() - n * 86_400_000).toISOString();

describe("the watchlist", () => {
  it("lists who opened the page in 30 days and did not cancel there, with the last visit", async () => {
    await insertAccounts(t.db, [
      { id: "w-paused", events: [["2025-06-01T00:00:00Z", "converted", 10_000]] },
      { id: "w-twice", events: [["2025-06-01T00:00:00Z", "converted", 20_000]] },
      { id: "w-later", events: [["2025-06-01T00:00:00Z", "converted", 30_000]] },
    ]);
    const pause = { kind: "pause", months: 2 } as const;
    await insertSessionRows(t.db, [
      // On: took the pause offer 10 days ago.
      {
        accountId: "w-paused",
        status: "saved",
        created: daysBefore(10),
        ended: daysBefore(10),
        offer: pause,
        offerAccepted: true,
      },
      // Off: opened 40 days ago, outside the window.
      { status: "saved", created: daysBefore(40), ended: daysBefore(40) },
      // Off: canceled there 5 days ago.
      { status: "canceled", created: daysBefore(5), ended: daysBefore(5) },
      // On, twice: abandoned 20 days ago, open since 2 days ago (the last visit is the one shown).
      { accountId: "w-twice", status: "abandoned", created: daysBefore(20), ended: daysBefore(19) },
      { accountId: "w-twice", status: "open", created: daysBefore(2) },
      // On: canceled, but after asOf — as of asOf the session was open.
      { accountId: "w-later", status: "canceled", created: daysBefore(3), ended: "2026-06-20T00:00:00Z" },
      // Off: a preview never counts.
      { status: "open", created: daysBefore(1), preview: true },
    ]);
    const rows = await cancelWatchlist(t.db, { asOf: ASOF });
    expect(rows.map((r) => [r.accountId, r.status, r.visits, r.offer?.kind ?? null, r.offerAccepted])).toEqual([
      ["w-twice", "open", 2, null, false],
      ["w-later", "open", 1, null, false],
      ["w-paused", "saved", 1, "pause", true],
    ]);
    expect(rows[0]?.openedAt.toISOString()).toBe(daysBefore(2));
    expect(rows[2]?.mrrCents).toBe(10_000);
  });

  it("is empty with no session", async () => {
    expect(await cancelWatchlist(t.db, { asOf: ASOF })).toEqual([]);
  });
});

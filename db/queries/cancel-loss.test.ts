// "What you would lose": one account's facts from a hand-made fixture, computed by hand below.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, activityFeatureMonths, activityUserMonths } from "@/db/schema";
import { uniqueId } from "@/test/factories";
import { insertAccounts } from "@/test/fixtures";
import { setupTestDb } from "@/test/db";
import { cancelLossFacts, lossWindow, wholeMonths } from "./cancel-loss";

const t = setupTestDb();

/** The day bitmask of the given days of a month (bit d-1 = day d). */
const days = (...list: number[]) => list.reduce((mask, d) => mask | (1 << (d - 1)), 0);
const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

// now = 2024-06-15 10:00 UTC: the window is the 28 days 2024-05-19 … 2024-06-15
// (June 1–15 is 15 days, May 19–31 the other 13).
const NOW = new Date("2024-06-15T10:00:00Z");

describe("cancelLossFacts", () => {
  it("counts the window's users and features of this account only, its seats and its months since first converting", async () => {
    const id = uniqueId("loss");
    const other = uniqueId("loss-other");
    await insertAccounts(t.db, [
      {
        id,
        events: [
          ["2023-12-01T00:00:00Z", "trial_started"],
          ["2024-01-31T09:00:00Z", "converted", 5000],
          ["2024-02-20T00:00:00Z", "canceled"],
          ["2024-03-01T00:00:00Z", "reactivated", 5000],
        ],
      },
      { id: other, events: [["2020-01-01T00:00:00Z", "converted", 9000]] },
    ]);
    await t.db.update(accounts).set({ seatsPaid: 12 }).where(eq(accounts.id, id));
    await t.db.update(accounts).set({ seatsPaid: 400 }).where(eq(accounts.id, other));
    await t.db.insert(activityUserMonths).values([
      // u1: May 18 (the day before the window) and June 16 (the day after it): not counted.
      { accountId: id, month: "2024-05-01", userRef: "u1", activeDays: days(18), events: 3 },
      { accountId: id, month: "2024-06-01", userRef: "u1", activeDays: days(16), events: 1 },
      // u2: May 19 (the window's first day) and June 2: counted once.
      { accountId: id, month: "2024-05-01", userRef: "u2", activeDays: days(19), events: 1 },
      { accountId: id, month: "2024-06-01", userRef: "u2", activeDays: days(2), events: 1 },
      // u3: June 1 and June 15 (the window's last day): counted.
      { accountId: id, month: "2024-06-01", userRef: "u3", activeDays: days(1, 15), events: 2 },
      // u4: April only: not counted.
      { accountId: id, month: "2024-04-01", userRef: "u4", activeDays: days(...range(1, 30)), events: 30 },
      // Another account's 30 users in the window: never this account's.
      ...range(1, 30).map((n) => ({
        accountId: other,
        month: "2024-06-01",
        userRef: `x${n}`,
        activeDays: days(10),
        events: 1,
      })),
    ]);
    await t.db.insert(activityFeatureMonths).values([
      // reports: May 19–21 (3 days) + June 1–5 (5 days) = 8 days in the window.
      { accountId: id, month: "2024-05-01", feature: "reports", activeDays: days(19, 20, 21), events: 10 },
      { accountId: id, month: "2024-06-01", feature: "reports", activeDays: days(...range(1, 5)), events: 20 },
      // exports: June 10–15 = 6 days, 100 events; api: June 1–6 = 6 days, 50 events → exports first.
      { accountId: id, month: "2024-06-01", feature: "exports", activeDays: days(...range(10, 15)), events: 100 },
      { accountId: id, month: "2024-06-01", feature: "api", activeDays: days(...range(1, 6)), events: 50 },
      // alerts: June 3 = 1 day: fourth, not named.
      { accountId: id, month: "2024-06-01", feature: "alerts", activeDays: days(3), events: 1 },
      // billing: May 1–18 and June 16–20, all outside the window: 0 days.
      { accountId: id, month: "2024-05-01", feature: "billing", activeDays: days(...range(1, 18)), events: 90 },
      { accountId: id, month: "2024-06-01", feature: "billing", activeDays: days(...range(16, 20)), events: 90 },
      // The other account's feature used every day: never this account's.
      { accountId: other, month: "2024-06-01", feature: "secret", activeDays: days(...range(1, 15)), events: 999 },
    ]);

    expect(await cancelLossFacts(t.db, id, NOW)).toEqual({
      // u2 and u3.
      activeUsers28d: 2,
      seats: 12,
      keyFeatures: ["reports", "exports", "api"],
      // First converted 2024-01-31 → 2024-06-15: 5 calendar months, but the 31st is not reached
      // again by June 15, so 4 whole months (the later reactivation does not restart the count).
      monthsAsCustomer: 4,
    });
    // The other account: 30 users on June 10; converted 2020-01-01 → 2024-06-15 = 4 × 12 + 5 = 53 months.
    expect(await cancelLossFacts(t.db, other, NOW)).toEqual({
      activeUsers28d: 30,
      seats: 400,
      keyFeatures: ["secret"],
      monthsAsCustomer: 53,
    });
  });

  it("gives zeros for an account with no activity that never converted, and null for no account", async () => {
    const id = uniqueId("loss-empty");
    await insertAccounts(t.db, [{ id, events: [["2024-06-01T00:00:00Z", "trial_started"]] }]);
    expect(await cancelLossFacts(t.db, id, NOW)).toEqual({
      activeUsers28d: 0,
      seats: null,
      keyFeatures: [],
      monthsAsCustomer: 0,
    });
    expect(await cancelLossFacts(t.db, uniqueId("nobody"), NOW)).toBeNull();
  });

  it("does not count a conversion after now", async () => {
    const id = uniqueId("loss-future");
    await insertAccounts(t.db, [{ id, events: [["2024-07-01T00:00:00Z", "converted", 100]] }]);
    expect((await cancelLossFacts(t.db, id, NOW))?.monthsAsCustomer).toBe(0);
  });
});

describe("the window and the months", () => {
  it("is the 28 days ending with now's day", () => {
    expect(lossWindow(NOW)).toEqual({ from: new Date("2024-05-19T00:00:00Z"), to: new Date("2024-06-16T00:00:00Z") });
    // At midnight the day that just ended is the last: 2024-06-15 00:00 → June 14 is the last day.
    expect(lossWindow(new Date("2024-06-15T00:00:00Z")).to).toEqual(new Date("2024-06-15T00:00:00Z"));
  });

  it("counts a month once its day comes round again", () => {
    expect(wholeMonths(new Date("2024-01-15T00:00:00Z"), new Date("2024-02-14T23:00:00Z"))).toBe(0);
    expect(wholeMonths(new Date("2024-01-15T00:00:00Z"), new Date("2024-02-15T00:00:00Z"))).toBe(1);
    // January 31 → February 29: February has no 31st, so not yet a month.
    expect(wholeMonths(new Date("2024-01-31T00:00:00Z"), new Date("2024-02-29T00:00:00Z"))).toBe(0);
    expect(wholeMonths(new Date("2022-03-01T00:00:00Z"), new Date("2024-03-01T00:00:00Z"))).toBe(24);
  });
});

import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { accounts } from "@/db/schema";
import { insertAccounts, loadSeedPuzzle, seedPuzzleAs } from "@/test/fixtures";
import { setupTestDbPerTest } from "@/test/db";
import { customersAt, customersBySegmentAt } from "./customers";

// These count every account in the installation, so each test has a database of its own.
const t = setupTestDbPerTest();

/** Six accounts, one per case of the state rules. */
async function insertStateRuleAccounts() {
  await insertAccounts(t.db, [
    // Active at $100 since January.
    { id: "a", segment: "smb", plan: "starter", events: [["2024-01-05T00:00:00Z", "converted", 10000]] },
    // Expanded to $250 on 1 March 00:00 exactly: at that instant it still counts at $200.
    {
      id: "b",
      segment: "mid",
      plan: "business",
      events: [
        ["2024-01-10T00:00:00Z", "converted", 20000],
        ["2024-03-01T00:00:00Z", "expansion", 25000],
      ],
    },
    // Paused at $10: a customer at its paused amount.
    {
      id: "c",
      segment: "smb",
      plan: "growth",
      events: [
        ["2024-01-15T00:00:00Z", "converted", 5000],
        ["2024-02-01T00:00:00Z", "paused", 1000],
      ],
    },
    // Canceled in February (the amount sent with canceled is ignored): not a customer.
    {
      id: "d",
      segment: "smb",
      plan: "starter",
      events: [
        ["2024-01-20T00:00:00Z", "converted", 7000],
        ["2024-02-10T00:00:00Z", "canceled", 7000],
      ],
    },
    // Still in trial: not a customer.
    {
      id: "e",
      segment: "enterprise",
      plan: "enterprise",
      events: [["2024-02-20T00:00:00Z", "trial_started", 99900]],
    },
    // No events at all.
    { id: "f", segment: "smb", events: [] },
  ]);
}

describe("customersAt", () => {
  it("counts customers and MRR by the state rules, from the events", async () => {
    await insertStateRuleAccounts();
    // At 1 March 00:00: a ($100) + b ($200, the expansion is not strictly before) + c ($10) = 3 customers, $310.
    expect(await customersAt(t.db, new Date("2024-03-01T00:00:00Z"))).toEqual({
      customers: 3,
      mrrCents: 31000,
      accountsWithHistory: 5,
    });
    // One millisecond later the expansion applies: $100 + $250 + $10 = $360.
    expect((await customersAt(t.db, new Date("2024-03-01T00:00:00.001Z"))).mrrCents).toBe(36000);
    // On 1 February: a, b, c and d are customers (c's pause is at that instant): 100 + 200 + 50 + 70 = $420.
    expect(await customersAt(t.db, new Date("2024-02-01T00:00:00Z"))).toMatchObject({ customers: 4, mrrCents: 42000 });
    // Filters use the account's current segment and plan: smb customers on 1 March are a and c: $110.
    expect(await customersAt(t.db, new Date("2024-03-01T00:00:00Z"), { segment: "smb" })).toMatchObject({
      customers: 2,
      mrrCents: 11000,
    });
    expect(await customersAt(t.db, new Date("2024-03-01T00:00:00Z"), { plan: "business" })).toMatchObject({
      customers: 1,
      mrrCents: 20000,
    });
  });

  it("groups customers by segment", async () => {
    await insertStateRuleAccounts();
    const rows = await customersBySegmentAt(t.db, new Date("2024-03-01T00:00:00Z"));
    // mid: b at $200; smb: a ($100) + c ($10).
    expect(rows).toEqual([
      { segment: "mid", customers: 1, mrrCents: 20000 },
      { segment: "smb", customers: 2, mrrCents: 11000 },
    ]);
  });

  it("applies events at the same instant in the order they were received", async () => {
    await insertAccounts(t.db, [
      {
        id: "same-instant",
        segment: "enterprise",
        events: [
          ["2024-05-01T00:00:00Z", "converted", 50000],
          ["2024-05-01T00:00:00Z", "canceled", 0],
        ],
      },
    ]);
    const asOf = new Date("2024-06-01T00:00:00Z");
    const [cached] = await t.db
      .select({ status: accounts.status })
      .from(accounts)
      .where(eq(accounts.id, "same-instant"));
    expect(cached?.status).toBe("canceled");
    expect((await customersAt(t.db, asOf, { segment: "enterprise" })).customers).toBe(0);
  });
});

describe("the seed puzzle (SPEC §3 example)", () => {
  it("has 100 customers at the start of March 2024 and 110 at its end", async () => {
    await loadSeedPuzzle(t.db);
    const expected = seedPuzzleAs(
      "expected-churn.json",
      z.object({
        months: z.array(
          z.object({
            month: z.string(),
            customersStart: z.number(),
            customersEnd: z.number(),
            mrrStartCents: z.number(),
            mrrEndCents: z.number(),
          }),
        ),
      }),
    );
    const march = expected.months.find((m) => m.month === "2024-03");
    expect(march).toBeDefined();
    const start = await customersAt(t.db, new Date("2024-03-01T00:00:00Z"), { plan: "puzzle" });
    const end = await customersAt(t.db, new Date("2024-04-01T00:00:00Z"), { plan: "puzzle" });
    expect(start).toMatchObject({ customers: march?.customersStart, mrrCents: march?.mrrStartCents });
    expect(end).toMatchObject({ customers: march?.customersEnd, mrrCents: march?.mrrEndCents });
  });
});

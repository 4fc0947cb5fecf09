import { describe, expect, it } from "vitest";
import { type FixtureAccount, insertAccounts } from "@/test/fixtures";
import { setupTestDbPerTest } from "@/test/db";
import { PAGE_SIZE, getAccountDetail, listAccounts } from "./accounts";

// The list's totals count every account in the installation, so each test has a database of its own.
const t = setupTestDbPerTest();

describe("account list and detail", () => {
  it("searches by name or external id, filters, and pages", async () => {
    const many = Array.from({ length: PAGE_SIZE + 5 }, (_, i): FixtureAccount => ({
      id: `acc-${i}`,
      externalId: `cus_${String(i).padStart(3, "0")}`,
      name: i === 7 ? "Harbor 100% Logistics" : `Company ${i}`,
      segment: i % 2 === 0 ? "smb" : "mid",
      events: [["2024-01-01T00:00:00Z", "converted", 1000 * (i + 1)]],
    }));
    await insertAccounts(t.db, many);

    const first = await listAccounts(t.db, { page: 1 });
    expect(first.total).toBe(PAGE_SIZE + 5);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    // Sorted by MRR, highest first: the last account has the highest MRR.
    expect(first.rows[0]?.externalId).toBe(`cus_${String(PAGE_SIZE + 4).padStart(3, "0")}`);
    expect((await listAccounts(t.db, { page: 2 })).rows).toHaveLength(5);

    expect((await listAccounts(t.db, { q: "harbor", page: 1 })).rows.map((r) => r.externalId)).toEqual(["cus_007"]);
    expect((await listAccounts(t.db, { q: "CUS_012", page: 1 })).rows.map((r) => r.name)).toEqual(["Company 12"]);
    // LIKE wildcards in the search are taken literally.
    expect((await listAccounts(t.db, { q: "100%", page: 1 })).total).toBe(1);
    expect((await listAccounts(t.db, { q: "_", page: 1 })).total).toBe(PAGE_SIZE + 5);
    expect((await listAccounts(t.db, { segment: "mid", page: 1 })).total).toBe(Math.floor((PAGE_SIZE + 5) / 2));
    expect((await listAccounts(t.db, { status: "canceled", page: 1 })).total).toBe(0);
  });

  it("returns one account with its events, newest first", async () => {
    await insertAccounts(t.db, [
      {
        id: "detail",
        externalId: "cus_detail",
        events: [
          ["2024-01-01T00:00:00Z", "converted", 5000],
          ["2024-02-01T00:00:00Z", "canceled", 0],
        ],
      },
    ]);
    const account = await getAccountDetail(t.db, "cus_detail");
    expect(account?.status).toBe("canceled");
    expect(account?.mrrCents).toBe(0);
    expect(account?.events.map((e) => e.type)).toEqual(["canceled", "converted"]);
    expect(await getAccountDetail(t.db, "cus_missing")).toBeNull();
  });
});

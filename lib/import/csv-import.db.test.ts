// The CSV import path: rows mapped from a file with broken lines; exactly those lines are
// reported, the rest imported, and importing the same file again changes nothing.
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { accounts, subscriptionEvents } from "@/db/schema";
import { guessMapping, guessMoneyInUnits, rowToItem } from "@/lib/import/csv-mapping";
import { INGEST_RESOURCES, checkItems } from "@/lib/validation/ingest";
import type { Db } from "@/db/client";
import { setupTestDbPerTest } from "@/test/db";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { importRows } from "@/db/queries/ingest";

const ACCOUNTS = `Customer ID,Company,Plan,Seats
c-1,Alder Labs,growth,12
c-2,Beacon Co,starter,84.0
c-3,,starter,5
c-4,Cedar Health,growth,many
c-5,Drift Media,enterprise,40
`;

const EVENTS = `customer_id,date,event,MonthlyCharges
c-1,2024-01-05,converted,29.85
c-2,2024-01-07,converted,56.95
c-2,2024-02-30,expansion,70.00
c-9,2024-01-09,converted,10.00
c-5,2024-01-10 08:30,converted,99.65
c-5,2024-03-01,upgrade,120.00
`;

function mapped(kind: "accounts" | "subscription-events", text: string) {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy" });
  const header = parsed.meta.fields ?? [];
  const mapping = guessMapping(kind, header);
  const money =
    kind === "subscription-events" && mapping.mrrAfterCents
      ? guessMoneyInUnits(parsed.data.map((r) => r[mapping.mrrAfterCents ?? ""] ?? ""))
      : true;
  return {
    mapping,
    items: parsed.data.map((r) => rowToItem(kind, r, mapping, { moneyInUnits: money, assumeUtc: true })),
  };
}

/** What the import page does: rows failing the schema are held back; the rest go to the server. */
async function importFile(db: Db, kind: "accounts" | "subscription-events", text: string) {
  const { items } = mapped(kind, text);
  const lines = items.map((item, i) => ({ item, line: i + 2 }));
  const local = lines.filter((l) => !INGEST_RESOURCES[kind].safeParse(l.item).success);
  const sent = lines.filter((l) => !local.includes(l));
  const outcome = await importRows(
    db,
    kind,
    checkItems(
      kind,
      sent.map((s) => s.item),
    ),
    SYSTEM_ACTOR,
  );
  const serverLines = outcome.errors.map((e) => sent[e.item]?.line);
  return {
    accepted: outcome.accepted,
    skipped: outcome.skipped,
    badLines: [...new Set([...local.map((l) => l.line), ...serverLines])].sort(),
  };
}

describe("CSV mapping", () => {
  it("guesses the columns from the header", () => {
    expect(mapped("accounts", ACCOUNTS).mapping).toMatchObject({
      externalId: "Customer ID",
      name: "Company",
      plan: "Plan",
      seatsPaid: "Seats",
    });
    expect(mapped("subscription-events", EVENTS).mapping).toMatchObject({
      accountExternalId: "customer_id",
      occurredAt: "date",
      type: "event",
      mrrAfterCents: "MonthlyCharges",
    });
  });
});

describe("CSV import", () => {
  // The tests read every account in the installation, so each has a database of its own.
  const t = setupTestDbPerTest();

  it("imports the good rows and reports exactly the broken ones by line", async () => {
    // Line 4: no company name; line 5: seats "many". 84.0 is a whole number.
    expect(await importFile(t.db, "accounts", ACCOUNTS)).toEqual({ accepted: 3, skipped: 0, badLines: [4, 5] });
    const seats = await t.db
      .select({ externalId: accounts.externalId, seatsPaid: accounts.seatsPaid })
      .from(accounts)
      .orderBy(accounts.externalId);
    expect(seats).toEqual([
      { externalId: "c-1", seatsPaid: 12 },
      { externalId: "c-2", seatsPaid: 84 },
      { externalId: "c-5", seatsPaid: 40 },
    ]);
    // Line 4: 30 February; line 5: unknown account c-9 (found by the server); line 7: "upgrade" is no event type.
    expect(await importFile(t.db, "subscription-events", EVENTS)).toEqual({
      accepted: 3,
      skipped: 0,
      badLines: [4, 5, 7],
    });
    const mrr = await t.db
      .select({ externalId: accounts.externalId, mrrCents: accounts.mrrCents })
      .from(accounts)
      .orderBy(accounts.externalId);
    // Amounts in dollars (the column has decimals): 29.85 → 2985 cents; 08:30 without a zone read as UTC.
    expect(mrr).toEqual([
      { externalId: "c-1", mrrCents: 2985 },
      { externalId: "c-2", mrrCents: 5695 },
      { externalId: "c-5", mrrCents: 9965 },
    ]);
  });

  it("changes nothing when the same file is imported again", async () => {
    await importFile(t.db, "accounts", ACCOUNTS);
    await importFile(t.db, "subscription-events", EVENTS);
    const before = await t.db.$count(subscriptionEvents);
    expect(await importFile(t.db, "subscription-events", EVENTS)).toEqual({
      accepted: 3,
      skipped: 3,
      badLines: [4, 5, 7],
    });
    expect(await importFile(t.db, "accounts", ACCOUNTS)).toMatchObject({ accepted: 3 });
    expect(await t.db.$count(subscriptionEvents)).toBe(before);
  });
});

// The import preview's reasons are the server's: the same field and message the import's checks give.
import { describe, expect, it } from "vitest";
import { checkReferences } from "@/db/queries/ingest/validate";
import { checkItems } from "@/lib/validation/ingest";
import { setupTestDb } from "@/test/db";
import { type ImportKind, guessMapping, rowToItem } from "@/lib/import/csv-mapping";
import { rowProblems } from "@/lib/import/row-problems";

const t = setupTestDb();

const rows: [ImportKind, Record<string, string>][] = [
  ["accounts", { "External ID": "csv-1", Company: "", Seats: "3" }],
  ["accounts", { "External ID": "csv-2", Company: "Acme", Seats: "lots" }],
  ["subscription-events", { Customer: "csv-1", Date: "2026-02-31", Type: "converted", MRR: "84.50" }],
  ["cancellations", { Customer: "csv-1", Date: "2026-03-01", Reason: "too_expensive", Outcome: "gone" }],
];

describe("rowProblems", () => {
  it.each(rows)("words a bad %s row as the server does, naming the field", async (kind, row) => {
    const item = rowToItem(kind, row, guessMapping(kind, Object.keys(row)), { moneyInUnits: true, assumeUtc: true });
    const local = rowProblems(kind, item);
    expect(local.length).toBeGreaterThan(0);
    const server = await checkReferences(t.db, checkItems(kind, [item]));
    expect(server.errors.length).toBeGreaterThan(0);
    const errors = server.errors.map((e) => ({ field: e.field, message: e.message }));
    expect(local).toEqual(errors);
  });

  it("says a missing required field is required, in words", () => {
    const item = rowToItem("accounts", { id: "csv-4" }, { externalId: "id" }, { moneyInUnits: true, assumeUtc: true });
    expect(rowProblems("accounts", item)).toEqual([{ field: "name", message: "is required" }]);
  });

  it("finds nothing wrong with a good row", () => {
    const item = rowToItem(
      "accounts",
      { id: "csv-3", name: "Acme" },
      { externalId: "id", name: "name" },
      { moneyInUnits: true, assumeUtc: true },
    );
    expect(rowProblems("accounts", item)).toEqual([]);
  });
});

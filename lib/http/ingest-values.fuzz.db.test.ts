// Fuzzing every ingestion endpoint and the CSV import with hostile values in each field —
// timestamps of any year (0000 and 9999 included) and impossible days, NUL, lone surrogates,
// 10 kB text — through the real handlers: never a 5xx, and a refused value names its field.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { IMPORT_KINDS, type ImportKind, rowToItem } from "@/lib/import/csv-mapping";
import { answerImport } from "@/lib/http/import-answer";
import { answerIngest } from "@/lib/http/ingest-answer";
import { INGEST_RESOURCE_NAMES, type IngestResource } from "@/lib/types/ingest";
import { fieldErrors, jsonAs } from "@/test/answers";
import { setupTestDb } from "@/test/db";
import { makeAccounts, makeApiKey, uniqueId } from "@/test/factories";
import { fuzzSurface } from "@/test/fuzz";
import { HOSTILE, dateLike, hostileText } from "@/test/hostile";

const t = setupTestDb();

/** A valid item of each kind, about `account`. */
function validItem(resource: IngestResource, account: string): Record<string, unknown> {
  const at = "2025-03-01T10:00:00Z";
  switch (resource) {
    case "accounts":
      return { externalId: account, name: "Fuzz Co", plan: "growth", segment: "smb", trialEndsAt: at };
    case "contacts":
      return { accountExternalId: account, email: "dana@example.com", name: "Dana Lee", role: "champion", leftAt: at };
    case "subscription-events":
      return { accountExternalId: account, occurredAt: at, type: "converted", mrrAfterCents: 4900 };
    case "activity":
      return { accountExternalId: account, userRef: "u1", feature: "reports", occurredAt: at };
    case "signals":
      return { accountExternalId: account, kind: "nps", occurredAt: at, score: 7, comment: "fine" };
    case "cancellations":
      return { accountExternalId: account, submittedAt: at, reasonCode: "other", freeText: "x", outcome: "canceled" };
  }
}

const TIME_FIELDS: Record<IngestResource, string> = {
  accounts: "trialEndsAt",
  contacts: "leftAt",
  "subscription-events": "occurredAt",
  activity: "occurredAt",
  signals: "occurredAt",
  cancellations: "submittedAt",
};

/** A valid item with one field given a hostile value (the timestamp most often). */
const hostileItem = (resource: IngestResource, account: string) => {
  const base = validItem(resource, account);
  const fields = Object.keys(base);
  return fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(TIME_FIELDS[resource]) },
        { weight: 2, arbitrary: fc.constantFrom(...fields) },
      ),
      fc.oneof({ weight: 2, arbitrary: dateLike }, { weight: 2, arbitrary: hostileText }),
    )
    .map(([field, value]) => ({ ...base, [field]: field === "externalId" ? `${account}${value}` : value }));
};

describe.each(INGEST_RESOURCE_NAMES)("fuzzing values sent to POST /api/v1/%s", (resource) => {
  it("answers every hostile timestamp and text below 500; a refused item names its field", async () => {
    const key = await makeApiKey(t.db, ["ingest"]);
    const [account = ""] = await makeAccounts(t.db, 1, "fz-values");
    const examples = HOSTILE.map((v) => ({ ...validItem(resource, account), [TIME_FIELDS[resource]]: v }));
    await fuzzSurface(
      `POST /api/v1/${resource} item values`,
      fc.array(hostileItem(resource, account), { minLength: 1, maxLength: 3 }),
      async (items) => {
        const response = await answerIngest(
          new Request(`http://holdfast.test/api/v1/${resource}`, {
            method: "POST",
            body: JSON.stringify({ items }),
            headers: { "content-type": "application/json" },
          }),
          t.db,
          resource,
          key,
        );
        if (response.status === 400) {
          const body = await jsonAs(response, fieldErrors);
          expect(body.errors.every((e) => e.field !== "")).toBe(true);
        }
        return response.status;
      },
      { examples: examples.map((e) => [e]) },
    );
  });
});

const COLUMNS: Record<ImportKind, Record<string, string>> = {
  accounts: { externalId: "id", name: "name", trialEndsAt: "trial_end", seatsPaid: "seats", segment: "segment" },
  contacts: { accountExternalId: "customer", email: "email", role: "role", leftAt: "date" },
  "subscription-events": { accountExternalId: "customer", occurredAt: "date", type: "event", mrrAfterCents: "mrr" },
  cancellations: { accountExternalId: "customer", submittedAt: "date", reasonCode: "reason", outcome: "outcome" },
};

describe.each(IMPORT_KINDS)("fuzzing the CSV import of %s", (kind) => {
  it("maps and imports rows with hostile cells without a 5xx", async () => {
    const [account = ""] = await makeAccounts(t.db, 1, "fz-csv");
    const mapping = COLUMNS[kind];
    const good: Record<string, string> = {
      id: uniqueId("fz-csv-new"),
      name: "Imported Co",
      trial_end: "2025-04-01",
      seats: "12",
      segment: "mid",
      customer: account,
      date: "2025-04-01 08:30",
      event: "converted",
      mrr: "49.00",
      reason: "too_expensive",
      outcome: "canceled",
      email: "dana@example.com",
      role: "champion",
    };
    const columns = Object.values(mapping);
    const row = fc
      .tuple(
        fc.oneof({ weight: 2, arbitrary: fc.constant("date") }, { weight: 2, arbitrary: fc.constantFrom(...columns) }),
        fc.oneof({ weight: 2, arbitrary: dateLike }, { weight: 2, arbitrary: hostileText }),
        fc.boolean(),
      )
      .map(([column, value, assumeUtc]) => ({ cells: { ...good, [column]: value }, assumeUtc }));
    await fuzzSurface(
      `POST /api/import/${kind} mapped rows`,
      fc.array(row, { minLength: 1, maxLength: 3 }),
      async (rows) => {
        const items = rows.map((r) =>
          rowToItem(kind, r.cells, mapping, { moneyInUnits: true, assumeUtc: r.assumeUtc }),
        );
        const request = new Request(`http://holdfast.test/api/import/${kind}`, {
          method: "POST",
          body: JSON.stringify({ items }),
          headers: { "content-type": "application/json" },
        });
        return (await answerImport(request, t.db, kind, SYSTEM_ACTOR)).status;
      },
      { examples: HOSTILE.map((v) => [{ cells: { ...good, date: v, trial_end: v }, assumeUtc: true }]) },
    );
  });
});

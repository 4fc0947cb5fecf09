// Fuzzing the ingestion API's request handler (lib/http/ingest-answer*.fuzz.db.test.ts) with fast-check: for each endpoint, generated bodies
// mixing valid items with wrong types, extra fields (id, role, …), huge and odd Unicode strings and
// broken envelopes. Never a 5xx; a refused batch leaves every table as it was; an accepted one
// says how many items it took.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { asc, sum } from "drizzle-orm";
import {
  accountMonthFacts,
  accounts,
  activityFeatureMonths,
  activityUserMonths,
  cancellationResponses,
  idempotencyKeys,
  signals,
  subscriptionEvents,
} from "@/db/schema";
import { answerIngest } from "@/lib/http/ingest-answer";
import type { IngestResource } from "@/lib/types/ingest";
import { jsonAs } from "./answers";
import { dbFuzzRuns } from "./hostile";
import type { TestDb } from "./db";
import { makeAccounts, makeApiKey, uniqueId } from "./factories";

const RUNS = dbFuzzRuns();

const odd = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "\uFFFF",
    "\uD800",
    "‮evil",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "<script>alert(1)</script>",
    "'; drop table accounts; --",
    '=HYPERLINK("x")',
    " ",
    "",
  ),
  fc.integer({ min: 1, max: 3 }).map((n) => "x".repeat(n * 40_000)),
);
const junk = fc.oneof(
  odd,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const when = fc.oneof(
  fc.integer({ min: Date.parse("2020-01-01"), max: Date.parse("2026-11-01") }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom("2026-02-30T10:00:00Z", "2026-01-01T00:00:00", "yesterday", "2026-01-01T00:00:00.123456789+02:00"),
);

/** Valid items for each endpoint, about the test's own accounts (and, for accounts, one new one). */
const validItems = (
  known: string[],
  unknown: string,
): Record<IngestResource, fc.Arbitrary<Record<string, unknown>>> => ({
  accounts: fc.record({
    externalId: fc.constantFrom(...known, unknown),
    name: fc.string({ minLength: 1, maxLength: 30 }),
    segment: fc.constantFrom("smb", "mid", "enterprise"),
  }),
  contacts: fc.record(
    {
      accountExternalId: fc.constantFrom(...known),
      email: fc.constantFrom("dana@example.com", "Lee@Example.com", "ops+1@example.org"),
      name: odd,
      role: fc.constantFrom("champion", "decision_maker", "user"),
      leftAt: fc.option(when),
    },
    { requiredKeys: ["accountExternalId", "email", "role"] },
  ),
  "subscription-events": fc.record({
    accountExternalId: fc.constantFrom(...known),
    occurredAt: when,
    type: fc.constantFrom(
      "trial_started",
      "converted",
      "expansion",
      "contraction",
      "canceled",
      "paused",
      "resumed",
      "reactivated",
    ),
    mrrAfterCents: fc.integer({ min: 0, max: 1_000_000 }),
  }),
  activity: fc.record({
    accountExternalId: fc.constantFrom(...known),
    userRef: fc.string({ minLength: 1, maxLength: 20 }),
    feature: fc.string({ minLength: 1, maxLength: 20 }),
    occurredAt: when,
  }),
  signals: fc.record({
    accountExternalId: fc.constantFrom(...known),
    kind: fc.constantFrom("payment_failed", "nps", "ticket_opened"),
    occurredAt: when,
    score: fc.integer({ min: 0, max: 10 }),
  }),
  cancellations: fc.record({
    accountExternalId: fc.constantFrom(...known),
    submittedAt: when,
    reasonCode: fc.constantFrom("too_expensive", "other", "brand_new_code"),
    freeText: odd,
    outcome: fc.constantFrom("canceled", "saved"),
  }),
});

/** A valid item, then maybe broken: a field given junk, an extra field, a field dropped, the account unknown. */
function item(validItem: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc
    .tuple(validItem, fc.nat(9), fc.constantFrom("id", "role", "accountId", "seq", "__proto__", "constructor"), junk)
    .map(([valid, how, extra, value]) => {
      const copy: Record<string, unknown> = { ...valid };
      const fields = Object.keys(copy);
      const field = fields[how % fields.length] ?? "x";
      if (how === 0) copy[field] = value;
      else if (how === 1) copy[extra] = value;
      else if (how === 2) delete copy[field];
      else if (how === 3 && "accountExternalId" in copy)
        copy.accountExternalId = `unknown-${String(value).slice(0, 20)}`;
      else if (how === 4) return value;
      return copy;
    });
}

function body(validItem: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(item(validItem), { maxLength: 6 }).map((items) => JSON.stringify({ items })) },
    {
      weight: 1,
      arbitrary: fc
        .array(item(validItem), { maxLength: 3 })
        .chain((items) => junk.map((extra) => JSON.stringify({ items, extra }))),
    },
    { weight: 1, arbitrary: junk.map((j) => (typeof j === "string" ? j : JSON.stringify(j))) },
  );
}

/** What an accepted body carried: its items. */
const sentItems = z.looseObject({ items: z.array(z.unknown()) });

const TABLES = [
  accounts,
  subscriptionEvents,
  activityUserMonths,
  activityFeatureMonths,
  signals,
  cancellationResponses,
  accountMonthFacts,
  idempotencyKeys,
];
/** Every table's row count, the activity's event total and the accounts' names: what a refused batch must not change. */
async function fingerprint(t: TestDb): Promise<string> {
  const counts = await Promise.all(TABLES.map((table) => t.db.$count(table)));
  const [events] = await t.db.select({ n: sum(activityUserMonths.events) }).from(activityUserMonths);
  const names = await t.db.select({ name: accounts.name }).from(accounts).orderBy(asc(accounts.externalId));
  return JSON.stringify([...counts, events?.n ?? "0", names.map((a) => a.name)]);
}

/** Fuzzes the endpoints named (the two files deal the five between them, so two workers share them). */
export function fuzzIngest(t: TestDb, resources: readonly IngestResource[]): void {
  describe.each(resources)("fuzzing POST /api/v1/%s", (resource) => {
    it(`answers ${RUNS} generated bodies without a 5xx, and a refused one writes nothing`, async () => {
      // A key of its own keeps this test's Idempotency-Keys apart from the other endpoints' tests.
      const key = await makeApiKey(t.db, ["ingest"]);
      const known = await makeAccounts(t.db, 3, "fz");
      const seen = { accepted: 0, refused: 0 };
      let lastPrint: string | undefined;
      await fc.assert(
        fc.asyncProperty(
          body(validItems(known, uniqueId("fz-new"))[resource]),
          fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: undefined }),
          async (text, idem) => {
            // A refused body left the tables as they were: their fingerprint is still the last one taken.
            const before = (lastPrint ??= await fingerprint(t));
            const headers: Record<string, string> = { "content-type": "application/json" };
            if (idem) headers["idempotency-key"] = idem;
            const response = await answerIngest(
              new Request(`http://holdfast.test/api/v1/${resource}`, { method: "POST", body: text, headers }),
              t.db,
              resource,
              key,
            );
            expect(response.status).toBeLessThan(500);
            const answer = await jsonAs(
              response,
              z.looseObject({ accepted: z.number().optional(), status: z.number().optional() }),
            );
            if (response.status === 200) {
              seen.accepted++;
              expect(answer.accepted).toBe(sentItems.parse(JSON.parse(text)).items.length);
            } else {
              seen.refused++;
              expect(response.headers.get("content-type")).toBe("application/problem+json");
              expect(answer.status).toBe(response.status);
              expect(await fingerprint(t)).toBe(before);
            }
            if (response.status === 200) lastPrint = undefined;
          },
        ),
        { numRuns: RUNS, seed: 4242 },
      );
      // Both kinds of answer were exercised.
      expect(seen.accepted).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(RUNS / 4);
    });
  });
}

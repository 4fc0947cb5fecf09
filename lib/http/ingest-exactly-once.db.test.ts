// Exactly once under retries: 100,000 activity events in 20 batches, sent by 8 concurrent workers
// through the ingestion handler with an Idempotency-Key each; 30 % of the batches are sent again
// (half of those at the same moment as the first, half after its answer was "lost"). The rollups
// must hold exactly the events sent, each counted once.
import { describe, expect, it } from "vitest";
import { eq, like, sum } from "drizzle-orm";
import { accounts, activityFeatureMonths, activityUserMonths } from "@/db/schema";
import { answerIngest } from "@/lib/http/ingest-answer";
import { setupTestDb } from "@/test/db";
import { makeApiKey } from "@/test/factories";
import type { ApiKeyIdentity } from "@/db/queries/api-keys";
import { SYSTEM_ACTOR } from "@/db/queries/audit";
import { allChecked, ingestBatch } from "@/db/queries/ingest";

const t = setupTestDb();
const EVENTS = 100_000;
const BATCH = 5000;
const WORKERS = 8;
const accountAt = (i: number) => `xo-${i}`;
const ACCOUNTS = Array.from({ length: 50 }, (_, i) => accountAt(i));

interface Event {
  accountExternalId: string;
  userRef: string;
  feature: string;
  occurredAt: string;
}

function events(): Event[][] {
  let x = 7;
  const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296;
  const start = Date.parse("2026-09-01T00:00:00Z");
  const all = Array.from({ length: EVENTS }, () => ({
    accountExternalId: accountAt(Math.floor(rand() * ACCOUNTS.length)),
    userRef: `u${Math.floor(rand() * 8)}`,
    feature: `f${Math.floor(rand() * 5)}`,
    occurredAt: new Date(start + Math.floor(rand() * 80 * 86_400_000)).toISOString(),
  }));
  return Array.from({ length: EVENTS / BATCH }, (_, b) => all.slice(b * BATCH, (b + 1) * BATCH));
}

/** What the rollups must hold: per account, month and user, the OR of the days and the count. */
function expected(batches: Event[][]): Map<string, { days: number; events: number }> {
  const out = new Map<string, { days: number; events: number }>();
  for (const e of batches.flat()) {
    const k = `${e.accountExternalId}|${e.occurredAt.slice(0, 7)}-01|${e.userRef}`;
    const row = out.get(k) ?? { days: 0, events: 0 };
    row.days |= 1 << (Number(e.occurredAt.slice(8, 10)) - 1);
    row.events += 1;
    out.set(k, row);
  }
  return out;
}

async function send(key: ApiKeyIdentity, batch: Event[], idem: string): Promise<number> {
  const request = new Request("http://holdfast.test/api/v1/activity", {
    method: "POST",
    body: JSON.stringify({ items: batch }),
    headers: { "content-type": "application/json", "idempotency-key": idem },
  });
  return (await answerIngest(request, t.db, "activity", key)).status;
}

/** Sends until an answer other than 409 (still running) comes back, as a client retrying would. */
async function deliver(key: ApiKeyIdentity, batch: Event[], idem: string): Promise<number> {
  for (;;) {
    const status = await send(key, batch, idem);
    if (status !== 409) return status;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("exactly once", () => {
  it("keeps exact rollups when 30 % of the batches are sent twice by concurrent workers", async () => {
    const key = await makeApiKey(t.db, ["ingest"]);
    await ingestBatch(
      t.db,
      "accounts",
      allChecked(ACCOUNTS.map((externalId) => ({ externalId, name: externalId }))),
      SYSTEM_ACTOR,
    );
    const batches = events();
    const retried = new Set(batches.map((_, i) => i).filter((i) => i % 10 < 3)); // 6 of 20
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (next < batches.length) {
          const i = next++;
          const batch = batches[i];
          if (!batch) break;
          const idem = `batch-${i}`;
          if (retried.has(i) && i % 2 === 0) {
            // The retry races the first delivery.
            statuses.push(...(await Promise.all([deliver(key, batch, idem), deliver(key, batch, idem)])));
          } else {
            statuses.push(await deliver(key, batch, idem));
            if (retried.has(i)) statuses.push(await deliver(key, batch, idem)); // the answer was lost
          }
        }
      }),
    );
    expect(statuses).toHaveLength(batches.length + retried.size);
    expect(statuses.every((s) => s === 200)).toBe(true);

    const u = activityUserMonths;
    const rows = await t.db
      .select({
        externalId: accounts.externalId,
        month: u.month,
        userRef: u.userRef,
        activeDays: u.activeDays,
        events: u.events,
      })
      .from(u)
      .innerJoin(accounts, eq(accounts.id, u.accountId))
      .where(like(accounts.externalId, "xo-%"));
    const want = expected(batches);
    expect(rows.reduce((s, r) => s + r.events, 0)).toBe(EVENTS);
    expect(rows).toHaveLength(want.size);
    for (const r of rows)
      expect(want.get(`${r.externalId}|${r.month}|${r.userRef}`), `${r.externalId} ${r.month} ${r.userRef}`).toEqual({
        days: r.activeDays,
        events: r.events,
      });
    const [features] = await t.db
      .select({ n: sum(activityFeatureMonths.events).mapWith(Number) })
      .from(activityFeatureMonths);
    expect(features?.n).toBe(EVENTS);
  });
});

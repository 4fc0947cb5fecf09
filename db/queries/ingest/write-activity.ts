// Writes a validated batch of product-usage events into the day-bitmask rollups: bits are OR-ed
// and counts added on conflict.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activityFeatureMonths, activityUserMonths } from "@/db/schema";
import type { WriteResult } from "@/lib/types/ingest";
import { bare, castTo, excluded } from "../bulk-columns";
import type { Validated } from "./validate";

interface Rollup {
  accountId: string;
  month: string;
  key: string;
  activeDays: number;
  events: number;
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const order = (x: Rollup, y: Rollup) =>
  compare(x.accountId, y.accountId) || compare(x.month, y.month) || compare(x.key, y.key);

/** `insert … select from unnest(…)` of one rollup table, upserting on its key; in the rows' order. */
function upsert(table: typeof activityUserMonths | typeof activityFeatureMonths, key: SQL, rows: Rollup[]): SQL {
  const t = table;
  return sql`
    insert into ${t} (${bare(t.accountId)}, ${bare(t.month)}, ${key}, ${bare(t.activeDays)}, ${bare(t.events)})
    select a, m, k, d, e from unnest(
      ${sql.param(rows.map((r) => r.accountId))}::text[],
      ${sql.param(rows.map((r) => r.month))}::text[]${castTo(t.month)}[],
      ${sql.param(rows.map((r) => r.key))}::text[],
      ${sql.param(rows.map((r) => String(r.activeDays)))}::text[]${castTo(t.activeDays)}[],
      ${sql.param(rows.map((r) => String(r.events)))}::text[]${castTo(t.events)}[]
    ) with ordinality as x(a, m, k, d, e, n) order by n
    on conflict (${bare(t.accountId)}, ${bare(t.month)}, ${key}) do update set
      ${bare(t.activeDays)} = ${t.activeDays} | ${excluded(t.activeDays)},
      ${bare(t.events)} = ${t.events} + ${excluded(t.events)}`;
}

export async function writeActivity(db: Db, batch: Validated<"activity">): Promise<WriteResult> {
  const users = new Map<string, Rollup>();
  const features = new Map<string, Rollup>();
  const add = (map: Map<string, Rollup>, accountId: string, month: string, key: string, bit: number) => {
    const k = `${accountId}\u0000${month}\u0000${key}`;
    const row = map.get(k) ?? { accountId, month, key, activeDays: 0, events: 0 };
    row.activeDays |= bit;
    row.events += 1;
    map.set(k, row);
  };
  for (const e of batch.items) {
    const accountId = batch.accounts.get(e.accountExternalId) ?? "";
    const iso = e.occurredAt.toISOString();
    const month = `${iso.slice(0, 7)}-01`;
    const bit = 1 << (e.occurredAt.getUTCDate() - 1);
    add(users, accountId, month, e.userRef, bit);
    add(features, accountId, month, e.feature, bit);
  }
  // Sorted, so concurrent batches lock the rows they share in the same order (no deadlock); both
  // rollups in one statement, one round trip.
  const u = [...users.values()].sort(order);
  const f = [...features.values()].sort(order);
  if (u.length === 0) return { accepted: 0, skipped: 0 };
  await db.execute(sql`
    with users_up as (${upsert(activityUserMonths, bare(activityUserMonths.userRef), u)} returning 1)
    ${upsert(activityFeatureMonths, bare(activityFeatureMonths.feature), f)}
  `);
  return { accepted: batch.items.length, skipped: 0 };
}

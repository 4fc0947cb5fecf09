// Accounts whose health inputs changed since their last score, kept in the database: an ingest
// marks them in its own transaction, and the re-scoring job (lib/health/jobs) takes them — so a
// write on one server is re-scored by whichever server runs the job.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { healthStale } from "@/db/schema";

export async function markHealthStale(db: Db, accountIds: Iterable<string>, now: Date = new Date()): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  await db
    .insert(healthStale)
    .select(sql`select id, ${now}::timestamptz from unnest(${sql.param(ids)}::text[]) as x(id) order by id`)
    .onConflictDoNothing();
}

/** The marked accounts, taken off the list (in the caller's transaction, so a failed re-score keeps them). */
export async function takeHealthStale(db: Db): Promise<string[]> {
  const rows = await db.delete(healthStale).returning({ accountId: healthStale.accountId });
  return rows.map((r) => r.accountId);
}

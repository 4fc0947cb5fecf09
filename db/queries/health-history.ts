// The health score's history (the account page's chart): a snapshot whenever the score moved by at
// least a point from the account's last one, and at least once a week.
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { healthHistory } from "@/db/schema";

export const SNAPSHOT_MIN_MOVE = 1;
export const SNAPSHOT_MAX_DAYS = 7;

/** Writes the snapshots due among these scores as of `asOf`; returns how many it wrote. */
export async function snapshotHealth(db: Db, asOf: Date, ids: string[], scores: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const h = healthHistory;
  const written = await db
    .insert(h)
    .select(
      sql`select x.id, ${asOf}::timestamptz, x.score
      from unnest(${sql.param(ids)}::text[], ${sql.param(scores.map(String))}::text[]::real[]) as x(id, score)
      left join lateral (
        select ${h.at} as at, ${h.score} as score from ${h} where ${h.accountId} = x.id order by ${h.at} desc limit 1
      ) as last on true
      where last.at is null
        or (last.at < ${asOf}::timestamptz
          and (abs(x.score - last.score) >= ${SNAPSHOT_MIN_MOVE}
            or last.at <= ${asOf}::timestamptz - make_interval(days => ${SNAPSHOT_MAX_DAYS})))`,
    )
    .onConflictDoNothing()
    .returning({ at: h.at });
  return written.length;
}

export interface HealthPoint {
  at: Date;
  score: number;
}

/** The account's snapshots, oldest first. */
export async function healthHistoryOf(db: Db, accountId: string): Promise<HealthPoint[]> {
  return db
    .select({ at: healthHistory.at, score: healthHistory.score })
    .from(healthHistory)
    .where(eq(healthHistory.accountId, accountId))
    .orderBy(asc(healthHistory.at));
}

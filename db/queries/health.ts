// Health scores: scores each account's inputs with lib/metrics/health, stores score and reasons,
// then lets the queue take in what fell below. Settings live in health-settings.ts, inputs in health-inputs.ts.
import { type SQL, and, eq, not, notExists, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { accounts, healthScores } from "@/db/schema";
import { computeHealth } from "@/lib/metrics/health";
import { snapshotHealth } from "./health-history";
import { getHealthSettings } from "./health-settings";
import { DAY, anyOf, healthInputs, scoredAccounts } from "./health-inputs";
import { syncQueue } from "./triage-entry";

export interface RecomputeResult {
  scored: number;
  belowThreshold: number;
  queued: number;
  closed: number;
}

/** The value an upsert would have written: `excluded.<column>`. */
const excluded = (column: PgColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;

/**
 * Scores the accounts (all, or those named) as of `asOf`, beside the same score 7 days earlier
 * for the trend, then brings the queue up to date. One transaction.
 */
export async function recomputeHealth(db: Db, asOf: Date, accountIds?: string[]): Promise<RecomputeResult> {
  return db.transaction(async (tx) => {
    const settings = await getHealthSettings(tx);
    const now = await healthInputs(tx, asOf, settings.keyFeatures, accountIds);
    const weekAgo = await healthInputs(tx, new Date(asOf.getTime() - 7 * DAY), settings.keyFeatures, [...now.keys()]);
    const ids: string[] = [];
    const scores: number[] = [];
    const previous: (number | null)[] = [];
    const components: string[] = [];
    const reasons: string[] = [];
    let below = 0;
    for (const [id, inputs] of now) {
      const result = computeHealth(inputs, settings, asOf);
      const earlier = weekAgo.get(id);
      ids.push(id);
      scores.push(result.score);
      previous.push(earlier ? computeHealth(earlier, settings, new Date(asOf.getTime() - 7 * DAY)).score : null);
      components.push(JSON.stringify(result.components));
      reasons.push(JSON.stringify(result.reasons));
      if (result.score < settings.threshold) below++;
    }
    // Accounts that left the scored set (canceled) lose their score.
    await tx.delete(healthScores).where(
      accountIds
        ? and(anyOf(healthScores.accountId, accountIds), not(anyOf(healthScores.accountId, ids)))
        : notExists(
            tx
              .select({ id: accounts.id })
              .from(accounts)
              .where(and(eq(accounts.id, healthScores.accountId), scoredAccounts(asOf))),
          ),
    );
    if (ids.length > 0) {
      // One array parameter per column, unnested in the order of healthScores' columns.
      await tx
        .insert(healthScores)
        .select(
          sql`select id, score, week_ago, components, reasons, case when score < ${settings.threshold} then ${asOf}::timestamptz end, ${asOf}::timestamptz
          from unnest(${sql.param(ids)}::text[], ${sql.param(scores.map(String))}::text[]::real[],
            ${sql.param(previous.map((p) => (p === null ? null : String(p))))}::text[]::real[],
            ${sql.param(components)}::text[]::jsonb[], ${sql.param(reasons)}::text[]::jsonb[]) as x(id, score, week_ago, components, reasons)
          order by id`,
        )
        .onConflictDoUpdate({
          target: healthScores.accountId,
          set: {
            score: excluded(healthScores.score),
            scoreWeekAgo: excluded(healthScores.scoreWeekAgo),
            components: excluded(healthScores.components),
            reasons: excluded(healthScores.reasons),
            computedAt: excluded(healthScores.computedAt),
            belowSince: sql`case when ${excluded(healthScores.score)} >= ${settings.threshold} then null
              else coalesce(${healthScores.belowSince}, ${excluded(healthScores.belowSince)}) end`,
          },
        });
    }
    await snapshotHealth(tx, asOf, ids, scores);
    const queue = await syncQueue(tx, asOf, settings.threshold);
    return { scored: ids.length, belowThreshold: below, ...queue };
  });
}

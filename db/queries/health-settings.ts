// The admin's health-score settings (weights, key features, threshold) and what the settings page shows beside them.
import { count, countDistinct, desc, eq, gte, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activityFeatureMonths, healthScores, healthSettings } from "@/db/schema";
import { DEFAULT_HEALTH_SETTINGS, type HealthSettings } from "@/lib/metrics/health";
import type { Actor } from "@/lib/types/session";
import { recordAudit } from "./audit";

export async function getHealthSettings(db: Db): Promise<HealthSettings> {
  const [row] = await db.select().from(healthSettings).where(eq(healthSettings.id, 1));
  return row
    ? { weights: row.weights, keyFeatures: row.keyFeatures, threshold: row.threshold }
    : DEFAULT_HEALTH_SETTINGS;
}

export async function saveHealthSettings(db: Db, settings: HealthSettings, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getHealthSettings(tx);
    const values = { ...settings, updatedAt: new Date(), updatedBy: actor.type === "user" ? actor.id : null };
    await tx
      .insert(healthSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: healthSettings.id, set: values });
    await recordAudit(tx, actor, {
      action: "health.settings",
      entityType: "health_settings",
      entityId: "1",
      before,
      after: settings,
    });
  });
}

/** Features seen in the last 90 days of activity, most widely used first (the settings page offers them). */
export async function knownFeatures(db: Db): Promise<{ feature: string; accounts: number }[]> {
  const accounts = countDistinct(activityFeatureMonths.accountId);
  return db
    .select({ feature: activityFeatureMonths.feature, accounts })
    .from(activityFeatureMonths)
    .where(gte(activityFeatureMonths.month, sql`(date_trunc('month', now()) - interval '3 months')::date`))
    .groupBy(activityFeatureMonths.feature)
    .orderBy(desc(accounts), activityFeatureMonths.feature)
    .limit(100);
}

/** How the scored accounts spread around the threshold, for the settings page. */
export async function healthSummary(
  db: Db,
  threshold: number,
): Promise<{ scored: number; below: number; computedAt: Date | null }> {
  const [row] = await db
    .select({
      scored: count(),
      below: sql`count(*) filter (where ${healthScores.score} < ${threshold})`.mapWith(Number),
      computedAt: max(healthScores.computedAt),
    })
    .from(healthScores);
  return { scored: row?.scored ?? 0, below: row?.below ?? 0, computedAt: row?.computedAt ?? null };
}

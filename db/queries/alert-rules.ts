// Alert rules (SPEC §8): made, changed, switched off and deleted by managers and admins (every
// change audited), listed with their open firings, and each rule's firings listed under it.
import { and, count, desc, eq, inArray, isNull, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, alertFirings, alertRules, users } from "@/db/schema";
import type {
  AlertFilters,
  AlertFiringRow,
  AlertPreview,
  AlertRuleInput,
  AlertRuleRow,
  AlertTrigger,
} from "@/lib/types/alerts";
import type { Actor } from "@/lib/types/session";
import { alertMatches } from "./alert-conditions";
import { recordAudit } from "./audit";
import { enqueueJobs } from "./jobs";

/** A rule just saved or switched on runs at once, not at the next re-scoring round. */
const evaluateSoon = (db: Db, id: string, now: Date) =>
  enqueueJobs(db, [{ key: `alerts.evaluate:${id}:${now.getTime()}`, kind: "alerts.evaluate" }], now);

export async function enabledAlertRules(db: Db) {
  return db
    .select({
      id: alertRules.id,
      name: alertRules.name,
      trigger: alertRules.trigger,
      filters: alertRules.filters,
      actions: alertRules.actions,
    })
    .from(alertRules)
    .where(eq(alertRules.enabled, true))
    .orderBy(alertRules.createdAt, alertRules.id);
}

export async function listAlertRules(db: Db): Promise<AlertRuleRow[]> {
  const stats = db
    .select({
      ruleId: alertFirings.ruleId,
      open: count(alertFirings.clearedAt).as("open_count"),
      total: count().as("total_count"),
      last: max(alertFirings.firedAt).as("last_fired"),
    })
    .from(alertFirings)
    .groupBy(alertFirings.ruleId)
    .as("stats");
  const rows = await db
    .select({
      id: alertRules.id,
      name: alertRules.name,
      enabled: alertRules.enabled,
      trigger: alertRules.trigger,
      filters: alertRules.filters,
      actions: alertRules.actions,
      createdAt: alertRules.createdAt,
      updatedAt: alertRules.updatedAt,
      cleared: stats.open,
      total: stats.total,
      lastFiredAt: stats.last,
    })
    .from(alertRules)
    .leftJoin(stats, eq(stats.ruleId, alertRules.id))
    .orderBy(alertRules.name, alertRules.id);
  // count(cleared_at) counts the cleared ones: the open are the rest.
  return rows.map(({ cleared, total, ...r }) => ({ ...r, openFirings: (total ?? 0) - (cleared ?? 0) }));
}

export async function alertRule(db: Db, id: string) {
  const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id));
  return row ?? null;
}

export async function createAlertRule(db: Db, input: AlertRuleInput, actor: Actor, now = new Date()): Promise<string> {
  const id = `alr_${crypto.randomUUID().replace(/-/g, "")}`;
  await db.transaction(async (tx) => {
    await tx.insert(alertRules).values({ id, ...input, createdBy: actor.id, createdAt: now, updatedAt: now });
    await recordAudit(tx, actor, { action: "alert_rule.create", entityType: "alert_rule", entityId: id, after: input });
    await evaluateSoon(tx, id, now);
  });
  return id;
}

/** Changes a rule; false when there is no such rule. */
export async function updateAlertRule(
  db: Db,
  id: string,
  input: AlertRuleInput,
  actor: Actor,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).for("update");
    if (!before) return false;
    await tx
      .update(alertRules)
      .set({ ...input, updatedAt: now })
      .where(eq(alertRules.id, id));
    await recordAudit(tx, actor, {
      action: "alert_rule.update",
      entityType: "alert_rule",
      entityId: id,
      before: {
        name: before.name,
        enabled: before.enabled,
        trigger: before.trigger,
        filters: before.filters,
        actions: before.actions,
      },
      after: input,
    });
    await evaluateSoon(tx, id, now);
    return true;
  });
}

export async function deleteAlertRule(db: Db, id: string, actor: Actor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(alertRules).where(eq(alertRules.id, id)).returning();
    if (!gone) return false;
    await recordAudit(tx, actor, {
      action: "alert_rule.delete",
      entityType: "alert_rule",
      entityId: id,
      before: { name: gone.name, trigger: gone.trigger },
    });
    return true;
  });
}

export const FIRINGS_PAGE_SIZE = 50;

/** A rule's firings, newest first (open and cleared). */
export async function firingsOf(db: Db, ruleId: string, limit = FIRINGS_PAGE_SIZE): Promise<AlertFiringRow[]> {
  return db
    .select({
      id: alertFirings.id,
      accountExternalId: accounts.externalId,
      accountName: accounts.name,
      detail: alertFirings.detail,
      assigneeName: users.name,
      firedAt: alertFirings.firedAt,
      clearedAt: alertFirings.clearedAt,
    })
    .from(alertFirings)
    .innerJoin(accounts, eq(accounts.id, alertFirings.accountId))
    .leftJoin(users, eq(users.id, alertFirings.assigneeId))
    .where(eq(alertFirings.ruleId, ruleId))
    .orderBy(desc(alertFirings.firedAt), desc(alertFirings.id))
    .limit(limit);
}

/** How many of a rule's firings are open (its condition still holds). */
export async function openFiringCount(db: Db, ruleId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(alertFirings)
    .where(and(eq(alertFirings.ruleId, ruleId), isNull(alertFirings.clearedAt)));
  return row?.n ?? 0;
}

export async function setAlertRuleEnabled(
  db: Db,
  id: string,
  enabled: boolean,
  actor: Actor,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(alertRules)
      .set({ enabled, updatedAt: now })
      .where(eq(alertRules.id, id))
      .returning({ id: alertRules.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, actor, {
      action: enabled ? "alert_rule.enable" : "alert_rule.disable",
      entityType: "alert_rule",
      entityId: id,
    });
    if (enabled) await evaluateSoon(tx, id, now);
    return true;
  });
}

/** What a rule would fire on now, before it is saved: the count, and the first few accounts in words. */
export async function previewAlertRule(
  db: Db,
  rule: { trigger: AlertTrigger; filters: AlertFilters },
  now: Date,
  sampleSize = 5,
): Promise<AlertPreview> {
  const matches = await alertMatches(db, rule, now);
  const first = matches.slice(0, sampleSize);
  const names =
    first.length === 0
      ? []
      : await db
          .select({ id: accounts.id, externalId: accounts.externalId, name: accounts.name })
          .from(accounts)
          .where(
            inArray(
              accounts.id,
              first.map((m) => m.accountId),
            ),
          );
  const byId = new Map(names.map((n) => [n.id, n]));
  return {
    count: new Set(matches.map((m) => `${m.accountId}\u0000${m.conditionKey}`)).size,
    sample: first.flatMap((m) => {
      const a = byId.get(m.accountId);
      return a ? [{ externalId: a.externalId, name: a.name, detail: m.detail }] : [];
    }),
  };
}

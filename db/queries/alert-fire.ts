// One rule's round (SPEC §8): clears the firings whose condition no longer holds, fires once on each
// new (account, occurrence), and runs the rule's assign and follow-up on the account's live triage
// item — made when there is none, with the rule's name as its reason; the account's owner is never
// changed. Every firing and every item it touches is audited, by the rule. One transaction per rule.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, alertFirings, alertRules, auditLog, healthScores, triageItems, users } from "@/db/schema";
import type { AlertActions, AlertMatch } from "@/lib/types/alerts";
import { LIVE_STATUSES, type TriageKind } from "@/lib/values";
import { enqueueQueueEntryEvents } from "./queue-events";
import { nextVersion } from "./triage-items";

const DAY = 86_400_000;

export interface FireRule {
  id: string;
  name: string;
  trigger: { kind: string };
  actions: AlertActions;
}

/** A new firing, with what the notifications need. */
export interface Fired {
  firingId: number;
  accountId: string;
  accountExternalId: string;
  accountName: string;
  detail: string;
  assigneeId: string | null;
}

const key = (accountId: string, conditionKey: string) => `${accountId}\u0000${conditionKey}`;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The actor of what a rule does, in the audit log. */
const ruleActor = (rule: FireRule) => ({
  actorType: "system" as const,
  actorId: null,
  actorLabel: `alert rule “${rule.name}”`,
});

export async function fireRule(db: Db, rule: FireRule, matches: AlertMatch[], now: Date): Promise<Fired[]> {
  return db.transaction(async (tx) => {
    const open = await tx
      .select({ id: alertFirings.id, accountId: alertFirings.accountId, conditionKey: alertFirings.conditionKey })
      .from(alertFirings)
      .where(and(eq(alertFirings.ruleId, rule.id), isNull(alertFirings.clearedAt)));
    const holding = new Set(matches.map((m) => key(m.accountId, m.conditionKey)));
    const cleared = open.filter((f) => !holding.has(key(f.accountId, f.conditionKey))).map((f) => f.id);
    if (cleared.length > 0)
      await tx.update(alertFirings).set({ clearedAt: now }).where(inArray(alertFirings.id, cleared));

    const known = new Set(open.map((f) => key(f.accountId, f.conditionKey)));
    const fresh = matches.filter((m) => !known.has(key(m.accountId, m.conditionKey)));
    if (fresh.length === 0) return [];

    const assignees = await assigneesFor(tx, rule, fresh);
    const inserted = await tx
      .insert(alertFirings)
      .values(
        fresh.map((m, i) => ({
          ruleId: rule.id,
          accountId: m.accountId,
          conditionKey: m.conditionKey,
          detail: m.detail,
          assigneeId: assignees[i] ?? null,
          firedAt: now,
        })),
      )
      // Another round fired it meanwhile: the partial unique index keeps one open firing.
      .onConflictDoNothing()
      .returning({
        id: alertFirings.id,
        accountId: alertFirings.accountId,
        detail: alertFirings.detail,
        assigneeId: alertFirings.assigneeId,
      });
    if (inserted.length === 0) return [];
    if (rule.actions.assign.mode === "round_robin")
      await tx
        .update(alertRules)
        .set({ assignedCount: sql`${alertRules.assignedCount} + ${inserted.length}` })
        .where(eq(alertRules.id, rule.id));

    const names = await tx
      .select({ id: accounts.id, externalId: accounts.externalId, name: accounts.name, status: accounts.status })
      .from(accounts)
      .where(
        inArray(
          accounts.id,
          inserted.map((f) => f.accountId),
        ),
      );
    const byId = new Map(names.map((a) => [a.id, a]));
    await tx.insert(auditLog).values(
      inserted.map((f) => ({
        ...ruleActor(rule),
        at: now,
        action: "alert.fired",
        entityType: "alert_rule",
        entityId: rule.id,
        after: { accountId: f.accountId, detail: f.detail, assigneeId: f.assigneeId, firingId: f.id },
      })),
    );
    const touchesItem = rule.actions.assign.mode !== "none" || rule.actions.followUpDays !== null;
    if (touchesItem) {
      const entered: string[] = [];
      for (const f of inserted) {
        const kind: TriageKind =
          rule.trigger.kind === "trial_ending" || byId.get(f.accountId)?.status === "trial" ? "conversion" : "recovery";
        const made = await touchItem(tx, rule, f.accountId, kind, f.assigneeId, now);
        if (made) entered.push(made);
      }
      await enqueueQueueEntryEvents(tx, entered, now);
    }
    return inserted.map((f) => ({
      firingId: f.id,
      accountId: f.accountId,
      accountExternalId: byId.get(f.accountId)?.externalId ?? "",
      accountName: byId.get(f.accountId)?.name ?? "",
      detail: f.detail,
      assigneeId: f.assigneeId,
    }));
  });
}

/** Who each new firing is assigned to, in order (round-robin continues from the rule's count). */
async function assigneesFor(db: Db, rule: FireRule, fresh: AlertMatch[]): Promise<(string | null)[]> {
  const assign = rule.actions.assign;
  switch (assign.mode) {
    case "none":
      return fresh.map(() => null);
    case "owner": {
      const rows = await db
        .select({ id: accounts.id, ownerId: users.id })
        .from(accounts)
        .leftJoin(users, and(eq(users.id, accounts.ownerId), eq(users.active, true)))
        .where(
          inArray(
            accounts.id,
            fresh.map((m) => m.accountId),
          ),
        );
      const owners = new Map(rows.map((r) => [r.id, r.ownerId]));
      return fresh.map((m) => owners.get(m.accountId) ?? null);
    }
    case "user": {
      const active = await activeIds(db, [assign.userId]);
      return fresh.map(() => (active.has(assign.userId) ? assign.userId : null));
    }
    case "round_robin": {
      const active = await activeIds(db, assign.userIds);
      // Disabled users drop out of the turn; the order is the rule's.
      const turn = assign.userIds.filter((id) => active.has(id));
      if (turn.length === 0) return fresh.map(() => null);
      const [row] = await db
        .select({ count: alertRules.assignedCount })
        .from(alertRules)
        .where(eq(alertRules.id, rule.id))
        .for("update");
      const start = row?.count ?? 0;
      return fresh.map((_, i) => turn[(start + i) % turn.length] ?? null);
    }
  }
}

async function activeIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The rule's assign and follow-up on the account's live item of `kind`: updated (assignee, the rule's
 * name first among its reasons, the follow-up), or made when there is none. The new item's id, if one was made.
 */
async function touchItem(
  db: Db,
  rule: FireRule,
  accountId: string,
  kind: TriageKind,
  assigneeId: string | null,
  now: Date,
): Promise<string | null> {
  const followUp =
    rule.actions.followUpDays !== null ? isoDay(new Date(now.getTime() + rule.actions.followUpDays * DAY)) : undefined;
  const assign = rule.actions.assign.mode !== "none" && assigneeId !== null ? { assigneeId } : {};
  const [live] = await db
    .select()
    .from(triageItems)
    .where(
      and(eq(triageItems.accountId, accountId), eq(triageItems.kind, kind), inArray(triageItems.status, LIVE_STATUSES)),
    )
    .for("update");
  if (live) {
    const reasons = [rule.name, ...live.reasons.filter((r) => r !== rule.name)];
    const [after] = await db
      .update(triageItems)
      .set({
        ...assign,
        ...(followUp ? { nextFollowUpOn: followUp } : {}),
        reasons,
        updatedAt: now,
        updatedBy: null,
        version: nextVersion,
      })
      .where(eq(triageItems.id, live.id))
      .returning();
    await db.insert(auditLog).values({
      ...ruleActor(rule),
      at: now,
      action: "triage.alert",
      entityType: "triage_item",
      entityId: live.id,
      before: { assigneeId: live.assigneeId, nextFollowUpOn: live.nextFollowUpOn, reasons: live.reasons },
      after: { assigneeId: after?.assigneeId, nextFollowUpOn: after?.nextFollowUpOn, reasons },
    });
    return null;
  }
  const [score] = await db
    .select({ risk: sql`round(${healthScores.score})`.mapWith(Number) })
    .from(healthScores)
    .where(eq(healthScores.accountId, accountId));
  const id = `tri_${crypto.randomUUID().replace(/-/g, "")}`;
  await db.insert(triageItems).values({
    id,
    accountId,
    kind,
    source: "alert",
    status: "open",
    assigneeId: assigneeId,
    riskScore: score?.risk ?? null,
    reasons: [rule.name],
    nextFollowUpOn: followUp ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(auditLog).values({
    ...ruleActor(rule),
    at: now,
    action: "triage.add",
    entityType: "triage_item",
    entityId: id,
    after: { accountId, kind, source: "alert", assigneeId, nextFollowUpOn: followUp ?? null },
  });
  return id;
}

// Changes a person makes to queue items, and items added by hand. The role rule (a cs user changes
// only items that are theirs or unassigned, and assigns only to self) and the version the person
// saw are both in the WHERE clause of the write; when it matches nothing the row is read again only
// to say why (gone, changed by someone else, or not yours), as a typed refusal the action words.
import { type SQL, and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, healthScores, triageItems, users } from "@/db/schema";
import { accountPath } from "@/lib/account-path";
import type { Actor, SessionUser } from "@/lib/types/session";
import type { ChangeOutcome, ItemChange, ItemRefusal, ItemState, LiveItem } from "@/lib/types/triage";
import { LIVE_STATUSES, hasRole } from "@/lib/values";
import { recordAudit } from "./audit";
import { markHealthStale } from "./health-stale";
import { notify } from "./notifications";
import { enqueueQueueEntryEvents } from "./queue-events";
import { isLive } from "./triage-queue";

const iso = (v: Date | null) => (v === null ? null : v.toISOString());

export const stateOf = (r: typeof triageItems.$inferSelect): ItemState => ({
  id: r.id,
  version: r.version,
  status: r.status,
  assigneeId: r.assigneeId,
  snoozedUntil: iso(r.snoozedUntil),
  lastOutreachAt: iso(r.lastOutreachAt),
  nextFollowUpOn: r.nextFollowUpOn,
});

/** Every write a person makes counts the item's version up, so a stale write of another misses. */
export const nextVersion = sql`${triageItems.version} + 1`;

/** The role rule as a condition on the item row: managers and admins may change any. */
export function mayChange(user: SessionUser): SQL | undefined {
  return hasRole(user.role, "manager")
    ? undefined
    : or(eq(triageItems.assigneeId, user.id), isNull(triageItems.assigneeId));
}

/** Why a write on item `id` at `version` matched nothing (on `accountId`'s item, when given). */
export async function explainMiss(db: Db, id: string, version: number, accountId?: string): Promise<ItemRefusal> {
  const [row] = await db
    .select({
      accountId: triageItems.accountId,
      version: triageItems.version,
      updatedAt: triageItems.updatedAt,
      by: users.name,
    })
    .from(triageItems)
    .leftJoin(users, eq(users.id, triageItems.updatedBy))
    .where(eq(triageItems.id, id));
  if (!row) return { ok: false, reason: "gone" };
  if (accountId !== undefined && row.accountId !== accountId) return { ok: false, reason: "other-account" };
  if (row.version !== version)
    return { ok: false, reason: "changed", changedBy: row.by, changedAt: row.updatedAt.toISOString() };
  return { ok: false, reason: "not-yours" };
}

/** `now` stamps the change (and a close); the queue's re-entry rule compares it with scores' times. */
export async function changeItem(
  db: Db,
  user: SessionUser,
  change: ItemChange,
  actor: Actor,
  now: Date = new Date(),
): Promise<ChangeOutcome> {
  if (
    change.assigneeId !== undefined &&
    change.assigneeId !== null &&
    change.assigneeId !== user.id &&
    !hasRole(user.role, "manager")
  ) {
    return { ok: false, reason: "assign-to-self-only" };
  }
  return db.transaction(async (tx): Promise<ChangeOutcome> => {
    const [before] = await tx.select().from(triageItems).where(eq(triageItems.id, change.id));
    if (!before) return { ok: false, reason: "gone" };
    if (!isLive(before.status) && change.status !== undefined && isLive(change.status)) {
      // Reopening (an undo, say) is refused while the account has another live item of this kind.
      const [other] = await tx
        .select({ id: triageItems.id })
        .from(triageItems)
        .where(
          and(
            eq(triageItems.accountId, before.accountId),
            eq(triageItems.kind, before.kind),
            inArray(triageItems.status, LIVE_STATUSES),
          ),
        );
      if (other) return { ok: false, reason: "another-live-item", changedAt: before.updatedAt.toISOString() };
    }
    if (change.assigneeId) {
      const [assignee] = await tx.select({ active: users.active }).from(users).where(eq(users.id, change.assigneeId));
      if (!assignee?.active) return { ok: false, reason: "assignee-unavailable" };
    }
    const updated = await tx
      .update(triageItems)
      .set({
        version: nextVersion,
        updatedAt: now,
        updatedBy: user.id,
        ...(change.status !== undefined && {
          status: change.status,
          closedAt: isLive(change.status) ? null : now,
        }),
        ...(change.assigneeId !== undefined && { assigneeId: change.assigneeId }),
        ...(change.snoozeUntil !== undefined && {
          snoozedUntil: change.snoozeUntil === null ? null : new Date(`${change.snoozeUntil}T00:00:00Z`),
        }),
      })
      .where(and(eq(triageItems.id, change.id), eq(triageItems.version, change.version), mayChange(user)))
      .returning();
    const after = updated[0];
    if (!after) return explainMiss(tx, change.id, change.version);
    // Given to someone else: they are told (by their choice for "assigned").
    if (after.assigneeId && after.assigneeId !== before.assigneeId && after.assigneeId !== user.id) {
      const [account] = await tx
        .select({ externalId: accounts.externalId, name: accounts.name })
        .from(accounts)
        .where(eq(accounts.id, after.accountId));
      if (account)
        await notify(
          tx,
          "assigned",
          [
            {
              userId: after.assigneeId,
              title: account.name,
              body: `${user.name} assigned this account to you`,
              href: accountPath(account.externalId),
              accountId: after.accountId,
            },
          ],
          now,
        );
    }
    const pick = (r: typeof before) => ({
      status: r.status,
      assigneeId: r.assigneeId,
      snoozedUntil: r.snoozedUntil,
      version: r.version,
    });
    await recordAudit(tx, actor, {
      action: "triage.update",
      entityType: "triage_item",
      entityId: change.id,
      before: pick(before),
      after: pick(after),
    });
    return { ok: true, version: after.version, item: stateOf(after) };
  });
}

/** Puts accounts in the queue by hand (from a drill-through list); those already in it are left. */
export async function addToQueue(
  db: Db,
  user: SessionUser,
  externalIds: string[],
  actor: Actor,
): Promise<{ added: number; alreadyQueued: number; unknown: string[] }> {
  return db.transaction(async (tx) => {
    const found = await tx
      .select({
        id: accounts.id,
        externalId: accounts.externalId,
        status: accounts.status,
        // Rounded as the database rounds a real, as the items health scoring adds are.
        riskScore: sql`round(${healthScores.score})`.mapWith(Number),
        reasons: healthScores.reasons,
      })
      .from(accounts)
      .leftJoin(healthScores, eq(healthScores.accountId, accounts.id))
      .where(inArray(accounts.externalId, externalIds))
      .orderBy(accounts.id);
    // A cs agent's additions are theirs; a manager's wait in the queue for someone to take them.
    const assigneeId = hasRole(user.role, "manager") ? null : user.id;
    const added =
      found.length === 0
        ? []
        : await tx
            .insert(triageItems)
            .values(
              found.map((a): typeof triageItems.$inferInsert => ({
                id: `tri_${crypto.randomUUID().replace(/-/g, "")}`,
                accountId: a.id,
                kind: a.status === "trial" ? "conversion" : "recovery",
                source: "manual",
                status: "open",
                assigneeId,
                riskScore: a.riskScore,
                reasons: a.reasons ?? [],
                updatedBy: user.id,
              })),
            )
            // The account's live item of the kind is already there (the partial unique index).
            .onConflictDoNothing()
            .returning({ id: triageItems.id, accountId: triageItems.accountId, kind: triageItems.kind });
    for (const item of added) {
      await recordAudit(tx, actor, {
        action: "triage.add",
        entityType: "triage_item",
        entityId: item.id,
        after: { accountId: item.accountId, kind: item.kind, source: "manual" },
      });
    }
    await enqueueQueueEntryEvents(
      tx,
      added.map((a) => a.id),
      new Date(),
    );
    // The alert rules look at them in the next re-scoring round ("enters the at-risk queue").
    await markHealthStale(
      tx,
      added.map((a) => a.accountId),
    );
    const known = new Set(found.map((f) => f.externalId));
    return {
      added: added.length,
      alreadyQueued: found.length - added.length,
      unknown: externalIds.filter((e) => !known.has(e)),
    };
  });
}

/** The account page's view of its live item, if any. */
export async function liveItemFor(db: Db, accountId: string): Promise<LiveItem<Date> | null> {
  const [row] = await db
    .select({
      id: triageItems.id,
      version: triageItems.version,
      kind: triageItems.kind,
      status: triageItems.status,
      assigneeId: triageItems.assigneeId,
      assigneeName: users.name,
      snoozedUntil: triageItems.snoozedUntil,
      lastOutreachAt: triageItems.lastOutreachAt,
      nextFollowUpOn: triageItems.nextFollowUpOn,
    })
    .from(triageItems)
    .leftJoin(users, eq(users.id, triageItems.assigneeId))
    .where(and(eq(triageItems.accountId, accountId), inArray(triageItems.status, LIVE_STATUSES)))
    .orderBy(triageItems.createdAt)
    .limit(1);
  return row ?? null;
}

/** The people an item may be given to: active users, by name. */
export async function assignableUsers(db: Db) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.name);
}

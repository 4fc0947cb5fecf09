// The at-risk queue: listing it, and every change a person makes to an item. The role rule
// (a cs user changes only items that are theirs or unassigned, and assigns only to self) and the
// version the person saw are both in the WHERE clause of the write; when it matches nothing the
// row is read again only to say why (not found, changed by someone else, or not yours). Outreach
// is a record of what happened: anyone logs it on any account; on a colleague's item it changes
// none of that item's decisions (status, assignee, snooze, follow-up), only its last contact.
import { type SQL, and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { accounts, outreachLogs, triageItems, users } from "@/db/schema";
import type { SessionUser } from "@/db/queries/users";
import { hasRole } from "@/lib/auth/roles";
import type { QueueFilters, TriageStatus } from "@/lib/validation/triage";
import type { ItemState, QueueRow } from "@/lib/types/triage";
import { type Actor, recordAudit } from "./audit";

export type { ItemState, QueueRow };

export const LIVE_STATUSES = ["open", "contacted", "in_progress"] as const;
const LIVE = sql.raw(`('open', 'contacted', 'in_progress')`);
export const QUEUE_PAGE_SIZE = 50;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const today = (now: Date) => now.toISOString().slice(0, 10);

function filterWhere(filters: QueueFilters, user: SessionUser, now: Date, withTab: boolean): SQL {
  const parts: SQL[] = [];
  if (withTab) {
    if (filters.tab === "due") parts.push(sql`t.next_follow_up_on <= ${filters.on ?? today(now)}::date`);
    else parts.push(sql`t.kind = ${filters.tab}`);
  }
  const status = filters.status ?? "live";
  const awake = sql`(t.snoozed_until is null or t.snoozed_until <= ${now})`;
  if (status === "live") parts.push(sql`t.status in ${LIVE} and ${awake}`);
  else if (status === "snoozed") parts.push(sql`t.status in ${LIVE} and t.snoozed_until > ${now}`);
  else if ((LIVE_STATUSES as readonly string[]).includes(status)) parts.push(sql`t.status = ${status} and ${awake}`);
  else parts.push(sql`t.status = ${status}`);
  if (filters.who === "mine") parts.push(sql`t.assignee_id = ${user.id}`);
  else if (filters.who === "unassigned") parts.push(sql`t.assignee_id is null`);
  if (filters.owner) parts.push(sql`t.assignee_id = ${filters.owner}`);
  if (filters.segment) parts.push(sql`a.segment = ${filters.segment}`);
  return sql.join(parts, sql` and `);
}

const order = (tab: QueueFilters["tab"], now: Date): SQL =>
  ({
    // Recovery: the most MRR at risk first.
    recovery: sql`a.mrr_cents desc, h.score asc nulls last, a.external_id`,
    // Conversion: trials still running, the one ending first; then those that ended, latest first.
    conversion: sql`(a.trial_ends_at < ${now}) asc, case when a.trial_ends_at >= ${now} then a.trial_ends_at end asc, a.trial_ends_at desc nulls last, a.external_id`,
    due: sql`t.next_follow_up_on asc, a.mrr_cents desc, a.external_id`,
  })[tab];

export async function listQueue(
  db: Db,
  user: SessionUser,
  filters: QueueFilters,
  now: Date,
): Promise<{ rows: QueueRow[]; total: number; counts: Record<QueueFilters["tab"], number> }> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select t.id, t.version, t.kind::text as kind, t.status::text as status, t.source, t.snoozed_until, t.assignee_id,
      u.name as assignee_name, a.external_id, a.name, a.segment::text as segment, a.plan, a.mrr_cents, a.trial_ends_at,
      h.score, h.score_week_ago, coalesce(h.reasons, t.reasons) as reasons, t.last_outreach_at, t.next_follow_up_on::text as next_follow_up_on,
      count(*) over () as total
    from triage_items t
      join accounts a on a.id = t.account_id
      left join health_scores h on h.account_id = t.account_id
      left join users u on u.id = t.assignee_id
    where ${filterWhere(filters, user, now, true)}
    order by ${order(filters.tab, now)}
    limit ${QUEUE_PAGE_SIZE} offset ${(filters.page - 1) * QUEUE_PAGE_SIZE}
  `,
  );
  const [counts] = await queryRows<{ recovery: number; conversion: number; due: number }>(
    db,
    sql`
    select count(*) filter (where t.kind = 'recovery')::int as recovery,
      count(*) filter (where t.kind = 'conversion')::int as conversion,
      count(*) filter (where t.next_follow_up_on <= ${filters.on ?? today(now)}::date)::int as due
    from triage_items t join accounts a on a.id = t.account_id
    where ${filterWhere(filters, user, now, false)}
  `,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    counts: counts ?? { recovery: 0, conversion: 0, due: 0 },
    rows: rows.map((r) => ({
      id: r.id as string,
      version: r.version as number,
      kind: r.kind as QueueRow["kind"],
      status: r.status as TriageStatus,
      source: r.source as string,
      snoozedUntil: iso(r.snoozed_until as string | null),
      assigneeId: r.assignee_id as string | null,
      assigneeName: r.assignee_name as string | null,
      externalId: r.external_id as string,
      name: r.name as string,
      segment: r.segment as string | null,
      plan: r.plan as string | null,
      mrrCents: r.mrr_cents as number,
      trialEndsAt: iso(r.trial_ends_at as string | null),
      score: r.score === null ? null : Number(r.score),
      scoreWeekAgo: r.score_week_ago === null ? null : Number(r.score_week_ago),
      reasons: (r.reasons as string[] | null) ?? [],
      lastOutreachAt: iso(r.last_outreach_at as string | null),
      nextFollowUpOn: r.next_follow_up_on as string | null,
    })),
  };
}

const stateOf = (r: typeof triageItems.$inferSelect): ItemState => ({
  id: r.id,
  version: r.version,
  status: r.status,
  assigneeId: r.assigneeId,
  snoozedUntil: iso(r.snoozedUntil),
  lastOutreachAt: iso(r.lastOutreachAt),
  nextFollowUpOn: r.nextFollowUpOn,
});

export type ChangeOutcome =
  | { ok: true; version: number; item?: ItemState }
  | { ok: false; status: 404; error: string }
  | { ok: false; status: 403; error: string }
  | { ok: false; status: 409; error: string; changedBy: string | null; changedAt: string };

export interface ItemChange {
  id: string;
  version: number;
  status?: TriageStatus;
  /** A user id, or null to unassign. */
  assigneeId?: string | null;
  /** YYYY-MM-DD (the item returns to the queue that day, 00:00 UTC), or null to wake it. */
  snoozeUntil?: string | null;
}

/** The role rule as a condition on the item row: managers and admins may change any. */
function mayChange(user: SessionUser): SQL | undefined {
  return hasRole(user.role, "manager")
    ? undefined
    : sql`(${triageItems.assigneeId} = ${user.id} or ${triageItems.assigneeId} is null)`;
}

async function explainMiss(
  db: Db,
  id: string,
  version: number,
  user: SessionUser,
  accountId?: string,
): Promise<Exclude<ChangeOutcome, { ok: true }>> {
  const [row] = await db
    .select({
      accountId: triageItems.accountId,
      version: triageItems.version,
      updatedAt: triageItems.updatedAt,
      assigneeId: triageItems.assigneeId,
      by: users.name,
    })
    .from(triageItems)
    .leftJoin(users, eq(users.id, triageItems.updatedBy))
    .where(eq(triageItems.id, id));
  if (!row) return { ok: false, status: 404, error: "This item is no longer in the queue." };
  if (accountId !== undefined && row.accountId !== accountId)
    return { ok: false, status: 404, error: "This item belongs to another account." };
  if (row.version !== version) {
    const who = row.by ?? "Holdfast";
    return {
      ok: false,
      status: 409,
      error: `${who} changed this item at ${row.updatedAt.toISOString().slice(11, 16)} UTC after you opened it. Reload to see their change; nothing of yours was saved.`,
      changedBy: row.by,
      changedAt: row.updatedAt.toISOString(),
    };
  }
  return {
    ok: false,
    status: 403,
    error: `This item is assigned to someone else; as ${user.role} you can change only your own or unassigned items.`,
  };
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
    return {
      ok: false,
      status: 403,
      error: "You can assign items only to yourself; a manager can assign them to anyone.",
    };
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(triageItems).where(eq(triageItems.id, change.id));
    if (!before) return { ok: false, status: 404, error: "This item is no longer in the queue." };
    const reopening =
      !(LIVE_STATUSES as readonly string[]).includes(before.status) &&
      change.status !== undefined &&
      (LIVE_STATUSES as readonly string[]).includes(change.status);
    if (reopening) {
      // Reopening (an undo, say) is refused while the account has another live item of this kind.
      const [other] = await tx
        .select({ id: triageItems.id })
        .from(triageItems)
        .where(
          and(
            eq(triageItems.accountId, before.accountId),
            eq(triageItems.kind, before.kind),
            sql`${triageItems.status} in ${LIVE}`,
          ),
        );
      if (other)
        return {
          ok: false,
          status: 409,
          error: "This account has another open item in the queue; work on that one.",
          changedBy: null,
          changedAt: before.updatedAt.toISOString(),
        };
    }
    if (change.assigneeId) {
      const [assignee] = await tx.select({ active: users.active }).from(users).where(eq(users.id, change.assigneeId));
      if (!assignee?.active) return { ok: false, status: 403, error: "That user does not exist or is disabled." };
    }
    const closing = change.status !== undefined && !(LIVE_STATUSES as readonly string[]).includes(change.status);
    const set: Partial<typeof triageItems.$inferInsert> = {
      version: sql`${triageItems.version} + 1` as unknown as number,
      updatedAt: now,
      updatedBy: user.id,
    };
    if (change.status !== undefined) {
      set.status = change.status;
      set.closedAt = closing ? now : null;
    }
    if (change.assigneeId !== undefined) set.assigneeId = change.assigneeId;
    if (change.snoozeUntil !== undefined)
      set.snoozedUntil = change.snoozeUntil === null ? null : new Date(`${change.snoozeUntil}T00:00:00Z`);
    const updated = await tx
      .update(triageItems)
      .set(set)
      .where(and(eq(triageItems.id, change.id), eq(triageItems.version, change.version), mayChange(user)))
      .returning();
    const after = updated[0];
    if (!after) return explainMiss(tx, change.id, change.version, user);
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

async function assigneeName(db: Db, itemId: string): Promise<string> {
  const [row] = await db
    .select({ name: users.name })
    .from(triageItems)
    .innerJoin(users, eq(users.id, triageItems.assigneeId))
    .where(eq(triageItems.id, itemId));
  return row?.name ?? "a colleague";
}

export interface OutreachInput {
  accountExternalId: string;
  /** The item the outreach belongs to, with the version seen; absent for an account without one. */
  item?: { id: string; version: number };
  channel: "email" | "call" | "meeting" | "in_app" | "other";
  summary: string;
  outcome?: string | null;
  nextFollowUpOn?: string | null;
}

/**
 * Logs outreach. On an item the person may change it also records the follow-up, and an open item
 * becomes contacted; on a colleague's item (a cs agent's) it records only the contact, and a
 * follow-up date, being the colleague's to set, is refused. Either way the item's version must be
 * the one the person saw.
 */
export async function logOutreach(
  db: Db,
  user: SessionUser,
  input: OutreachInput,
  actor: Actor,
): Promise<ChangeOutcome | { ok: false; status: 404; error: string }> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.externalId, input.accountExternalId));
    if (!account) return { ok: false, status: 404, error: `No account with externalId ${input.accountExternalId}.` };
    const now = new Date();
    let item: ItemState | undefined;
    if (input.item) {
      const seen = and(
        eq(triageItems.id, input.item.id),
        eq(triageItems.accountId, account.id),
        eq(triageItems.version, input.item.version),
      );
      const [updated] = await tx
        .update(triageItems)
        .set({
          version: sql`${triageItems.version} + 1` as unknown as number,
          updatedAt: now,
          updatedBy: user.id,
          lastOutreachAt: now,
          nextFollowUpOn: input.nextFollowUpOn ?? null,
          status:
            sql`case when ${triageItems.status} = 'open' then 'contacted'::triage_status else ${triageItems.status} end` as unknown as TriageStatus,
        })
        .where(and(seen, mayChange(user)))
        .returning();
      if (updated) item = stateOf(updated);
      else {
        const miss = await explainMiss(tx, input.item.id, input.item.version, user, account.id);
        // Anything but "not yours" (gone, another account's, changed since): nothing is stored.
        if (miss.status !== 403) return miss;
        if (input.nextFollowUpOn)
          return {
            ok: false,
            status: 403,
            error: `This item is ${await assigneeName(tx, input.item.id)}’s: its follow-up is theirs to set. Log the outreach without one.`,
          };
        // A colleague's item: the contact is recorded; the version stays, as none of their decisions changed.
        const [noted] = await tx.update(triageItems).set({ lastOutreachAt: now }).where(seen).returning();
        if (!noted) return explainMiss(tx, input.item.id, input.item.version, user, account.id);
        item = stateOf(noted);
      }
    }
    const id = `out_${crypto.randomUUID().replace(/-/g, "")}`;
    const row = {
      id,
      accountId: account.id,
      triageItemId: input.item?.id ?? null,
      userId: user.id,
      occurredAt: now,
      channel: input.channel,
      summary: input.summary,
      outcome: input.outcome ?? null,
      nextFollowUpOn: input.nextFollowUpOn ?? null,
    };
    await tx.insert(outreachLogs).values(row);
    await recordAudit(tx, actor, { action: "outreach.log", entityType: "outreach_log", entityId: id, after: row });
    return { ok: true, version: item?.version ?? 0, item };
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
    const found = await queryRows<{ id: string; external_id: string; status: string }>(
      tx,
      sql`select id, external_id, status::text as status from accounts where external_id = any(${sql.param(externalIds)}::text[])`,
    );
    const known = new Set(found.map((f) => f.external_id));
    const added = await queryRows<{ id: string; account_id: string; kind: string }>(
      tx,
      sql`
      insert into triage_items (id, account_id, kind, source, status, assignee_id, risk_score, reasons, updated_by)
      select 'tri_' || replace(gen_random_uuid()::text, '-', ''), a.id,
        (case when a.status = 'trial' then 'conversion' else 'recovery' end)::triage_kind, 'manual', 'open',
        ${hasRole(user.role, "manager") ? null : user.id}, round(h.score), coalesce(h.reasons, '[]'::jsonb), ${user.id}
      from accounts a left join health_scores h on h.account_id = a.id
      where a.id = any(${sql.param(found.map((f) => f.id))}::text[])
      order by a.id
      on conflict do nothing
      returning id, account_id, kind::text as kind
    `,
    );
    for (const item of added) {
      await recordAudit(tx, actor, {
        action: "triage.add",
        entityType: "triage_item",
        entityId: item.id,
        after: { accountId: item.account_id, kind: item.kind, source: "manual" },
      });
    }
    return {
      added: added.length,
      alreadyQueued: found.length - added.length,
      unknown: externalIds.filter((e) => !known.has(e)),
    };
  });
}

/** The account page's view of its live item, if any. */
export async function liveItemFor(db: Db, accountId: string) {
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
    .where(and(eq(triageItems.accountId, accountId), sql`${triageItems.status} in ${LIVE}`))
    .orderBy(triageItems.createdAt)
    .limit(1);
  return row ?? null;
}

export async function assignableUsers(db: Db) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.name);
}

// The at-risk queue as a page lists it: one tab's rows under the filters, in the tab's order, with
// the count of each tab under the same filters.
import { type SQL, and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, healthScores, triageItems, users } from "@/db/schema";
import type { QueueFilters, QueueRow, QueueTab } from "@/lib/types/triage";
import type { SessionUser } from "@/lib/types/session";
import { LIVE_STATUSES, type TriageStatus } from "@/lib/values";

export const QUEUE_PAGE_SIZE = 50;

type LiveStatus = (typeof LIVE_STATUSES)[number];
export const isLive = (status: TriageStatus): status is LiveStatus => LIVE_STATUSES.some((s) => s === status);

const iso = (v: Date | null) => (v === null ? null : v.toISOString());
const today = (now: Date) => now.toISOString().slice(0, 10);

/** The filters as a condition on the item (and its account); the tab's own only when `withTab`. */
function filterWhere(filters: QueueFilters, user: SessionUser, now: Date, withTab: boolean): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (withTab) {
    if (filters.tab === "due") parts.push(lte(triageItems.nextFollowUpOn, filters.on ?? today(now)));
    else parts.push(eq(triageItems.kind, filters.tab));
  }
  const status = filters.status;
  const live = inArray(triageItems.status, LIVE_STATUSES);
  const awake = or(isNull(triageItems.snoozedUntil), lte(triageItems.snoozedUntil, now));
  if (status === "live") parts.push(live, awake);
  else if (status === "snoozed") parts.push(live, gt(triageItems.snoozedUntil, now));
  else if (isLive(status)) parts.push(eq(triageItems.status, status), awake);
  else parts.push(eq(triageItems.status, status));
  if (filters.who === "mine") parts.push(eq(triageItems.assigneeId, user.id));
  else if (filters.who === "unassigned") parts.push(isNull(triageItems.assigneeId));
  if (filters.owner) parts.push(eq(triageItems.assigneeId, filters.owner));
  if (filters.segment) parts.push(eq(accounts.segment, filters.segment));
  return and(...parts);
}

const order = (tab: QueueTab, now: Date): SQL[] =>
  ({
    // Recovery: the most MRR at risk first (an ascending sort puts a missing score last).
    recovery: [desc(accounts.mrrCents), asc(healthScores.score), asc(accounts.externalId)],
    // Conversion: trials still running, the one ending first; then those that ended, latest first.
    conversion: [
      asc(lt(accounts.trialEndsAt, now)),
      asc(sql`case when ${gte(accounts.trialEndsAt, now)} then ${accounts.trialEndsAt} end`),
      sql`${accounts.trialEndsAt} desc nulls last`,
      asc(accounts.externalId),
    ],
    due: [asc(triageItems.nextFollowUpOn), desc(accounts.mrrCents), asc(accounts.externalId)],
  })[tab];

export async function listQueue(
  db: Db,
  user: SessionUser,
  filters: QueueFilters,
  now: Date,
): Promise<{ rows: QueueRow[]; total: number; counts: Record<QueueTab, number> }> {
  const rows = await db
    .select({
      id: triageItems.id,
      version: triageItems.version,
      kind: triageItems.kind,
      status: triageItems.status,
      source: triageItems.source,
      snoozedUntil: triageItems.snoozedUntil,
      assigneeId: triageItems.assigneeId,
      assigneeName: users.name,
      externalId: accounts.externalId,
      name: accounts.name,
      segment: accounts.segment,
      plan: accounts.plan,
      mrrCents: accounts.mrrCents,
      trialEndsAt: accounts.trialEndsAt,
      score: healthScores.score,
      scoreWeekAgo: healthScores.scoreWeekAgo,
      // The latest score's reasons; an item added by hand before any score keeps its own.
      reasons: sql`coalesce(${healthScores.reasons}, ${triageItems.reasons})`.mapWith(triageItems.reasons),
      lastOutreachAt: triageItems.lastOutreachAt,
      nextFollowUpOn: triageItems.nextFollowUpOn,
      total: sql`count(*) over ()`.mapWith(Number),
    })
    .from(triageItems)
    .innerJoin(accounts, eq(accounts.id, triageItems.accountId))
    .leftJoin(healthScores, eq(healthScores.accountId, triageItems.accountId))
    .leftJoin(users, eq(users.id, triageItems.assigneeId))
    .where(filterWhere(filters, user, now, true))
    .orderBy(...order(filters.tab, now))
    .limit(QUEUE_PAGE_SIZE)
    .offset((filters.page - 1) * QUEUE_PAGE_SIZE);
  const count = (where: SQL | undefined) => sql`count(*) filter (where ${where})`.mapWith(Number);
  const [counts] = await db
    .select({
      recovery: count(eq(triageItems.kind, "recovery")),
      conversion: count(eq(triageItems.kind, "conversion")),
      due: count(lte(triageItems.nextFollowUpOn, filters.on ?? today(now))),
    })
    .from(triageItems)
    .innerJoin(accounts, eq(accounts.id, triageItems.accountId))
    .where(filterWhere(filters, user, now, false));
  return {
    total: rows[0]?.total ?? 0,
    counts: counts ?? { recovery: 0, conversion: 0, due: 0 },
    rows: rows.map(({ total, ...r }) => ({
      ...r,
      snoozedUntil: iso(r.snoozedUntil),
      trialEndsAt: iso(r.trialEndsAt),
      lastOutreachAt: iso(r.lastOutreachAt),
    })),
  };
}

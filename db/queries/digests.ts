// What the digests say (SPEC §8). Daily, per user: follow-ups due, and the notifications they chose
// to read in the digest that it has not carried yet. Weekly, for managers: the 7 days before the
// Monday 08:00 it goes out at — customers lost and their MRR, the MRR movements between the two
// instants by the state rules of docs/metrics.md, and the top reasons by submittedAt. Each digest
// is claimed once per user and day (digest_runs), in the transaction that queues its e-mail.
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  accounts,
  cancellationResponses,
  digestRuns,
  notificationPreferences,
  notifications,
  reasonCategories,
  triageItems,
  users,
} from "@/db/schema";
import { LIVE_STATUSES, NOTIFICATION_DEFAULTS, type NotificationKind, ROLES, type Role } from "@/lib/values";
import { NOT_CUSTOMER, lastEventsBefore } from "./customers";

export interface DigestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string | null;
  weekly: string;
  followUp: string;
}

/** Active users with what the digests need: zone, role and their choices for weekly and follow-ups. */
export async function digestUsers(db: Db): Promise<DigestUser[]> {
  const weekly = alias(notificationPreferences, "weekly");
  const followUp = alias(notificationPreferences, "follow_up");
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      timeZone: users.timeZone,
      weekly: weekly.delivery,
      followUp: followUp.delivery,
    })
    .from(users)
    .leftJoin(weekly, and(eq(weekly.userId, users.id), eq(weekly.kind, "weekly")))
    .leftJoin(followUp, and(eq(followUp.userId, users.id), eq(followUp.kind, "follow_up")))
    .where(eq(users.active, true))
    .orderBy(users.id);
  return rows.map((r) => ({
    ...r,
    weekly: r.weekly ?? NOTIFICATION_DEFAULTS.weekly,
    followUp: r.followUp ?? NOTIFICATION_DEFAULTS.follow_up,
  }));
}

export async function digestDone(db: Db, userId: string, kind: "daily" | "weekly", day: string): Promise<boolean> {
  const [row] = await db
    .select({ day: digestRuns.day })
    .from(digestRuns)
    .where(and(eq(digestRuns.userId, userId), eq(digestRuns.kind, kind), eq(digestRuns.day, day)));
  return Boolean(row);
}

/** Claims the user's digest of that day; false when another round (or server) already has. */
export async function claimDigest(
  db: Db,
  run: { userId: string; kind: "daily" | "weekly"; day: string; messageId: string | null },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(digestRuns)
    .values({ ...run, at: now })
    .onConflictDoNothing()
    .returning({ day: digestRuns.day });
  return rows.length === 1;
}

export interface FollowUpDue {
  externalId: string;
  name: string;
  dueOn: string;
}

/** The user's live items with a follow-up due on or before `day`. */
export async function followUpsDue(db: Db, userId: string, day: string): Promise<FollowUpDue[]> {
  const rows = await db
    .select({ externalId: accounts.externalId, name: accounts.name, dueOn: triageItems.nextFollowUpOn })
    .from(triageItems)
    .innerJoin(accounts, eq(accounts.id, triageItems.accountId))
    .where(
      and(
        eq(triageItems.assigneeId, userId),
        inArray(triageItems.status, LIVE_STATUSES),
        lte(triageItems.nextFollowUpOn, day),
      ),
    )
    .orderBy(asc(triageItems.nextFollowUpOn), asc(accounts.name));
  return rows.flatMap((r) => (r.dueOn ? [{ ...r, dueOn: r.dueOn }] : []));
}

export interface WaitingNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  href: string;
}

/** The user's notifications of the kinds they read in the digest, not yet carried by one, made before `now`. */
export async function waitingForDigest(
  db: Db,
  userId: string,
  kinds: NotificationKind[],
  now: Date,
): Promise<WaitingNotification[]> {
  if (kinds.length === 0) return [];
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        inArray(notifications.kind, kinds),
        isNull(notifications.digestedAt),
        lte(notifications.createdAt, now),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}

export async function markDigested(db: Db, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(notifications).set({ digestedAt: now }).where(inArray(notifications.id, ids));
}

/** The kinds this user reads in the digest (their choice, or the kind's default, is "digest"). */
export async function digestKinds(db: Db, userId: string): Promise<NotificationKind[]> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  return (["alert", "assigned", "threshold"] as const).filter(
    (k) => (chosen.get(k) ?? NOTIFICATION_DEFAULTS[k]) === "digest",
  );
}

export interface WeeklyReport {
  customersLost: number;
  mrrLostCents: number;
  movements: {
    newCents: number;
    expansionCents: number;
    reactivationCents: number;
    contractionCents: number;
    churnedCents: number;
  };
  mrrStartCents: number;
  mrrEndCents: number;
  topReasons: { category: string; responses: number }[];
}

/** The weekly report between two instants (by the state rules: the last event strictly before each). */
export async function weeklyReport(db: Db, start: Date, end: Date): Promise<WeeklyReport> {
  const before = lastEventsBefore(db, start, undefined, "at_start");
  const after = lastEventsBefore(db, end, undefined, "at_end");
  const wasCustomer = sql`(${before.type} is not null and ${notInArray(before.type, NOT_CUSTOMER)})`;
  const isCustomer = sql`(${after.type} is not null and ${notInArray(after.type, NOT_CUSTOMER)})`;
  const startMrr = sql`case when ${wasCustomer} then ${before.mrrAfterCents} else 0 end`;
  const endMrr = sql`case when ${isCustomer} then ${after.mrrAfterCents} else 0 end`;
  const firstInWeek = and(gte(accounts.cohortConvertedAt, start), lt(accounts.cohortConvertedAt, end));
  const sum = (when: ReturnType<typeof sql>, value: ReturnType<typeof sql>) =>
    sql<number>`coalesce(sum(${value}) filter (where ${when}), 0)`.mapWith(Number);
  const [m] = await db
    .select({
      customersLost: sql<number>`count(*) filter (where ${wasCustomer} and not ${isCustomer})`.mapWith(Number),
      churned: sum(sql`${wasCustomer} and not ${isCustomer}`, startMrr),
      newCents: sum(sql`not ${wasCustomer} and ${isCustomer} and ${firstInWeek}`, endMrr),
      reactivation: sum(sql`not ${wasCustomer} and ${isCustomer} and not coalesce(${firstInWeek}, false)`, endMrr),
      expansion: sum(sql`${wasCustomer} and ${isCustomer} and ${endMrr} > ${startMrr}`, sql`${endMrr} - ${startMrr}`),
      contraction: sum(sql`${wasCustomer} and ${isCustomer} and ${endMrr} < ${startMrr}`, sql`${startMrr} - ${endMrr}`),
      mrrStart: sum(wasCustomer, startMrr),
      mrrEnd: sum(isCustomer, endMrr),
    })
    .from(accounts)
    .leftJoin(before, eq(before.accountId, accounts.id))
    .leftJoin(after, eq(after.accountId, accounts.id));
  const reasons = await db
    .select({ category: reasonCategories.name, responses: count() })
    .from(cancellationResponses)
    .innerJoin(reasonCategories, eq(reasonCategories.id, cancellationResponses.categoryId))
    .where(and(gte(cancellationResponses.submittedAt, start), lt(cancellationResponses.submittedAt, end)))
    .groupBy(reasonCategories.name)
    .orderBy(desc(count()), asc(reasonCategories.name))
    .limit(3);
  return {
    customersLost: m?.customersLost ?? 0,
    mrrLostCents: m?.churned ?? 0,
    movements: {
      newCents: m?.newCents ?? 0,
      expansionCents: m?.expansion ?? 0,
      reactivationCents: m?.reactivation ?? 0,
      contractionCents: m?.contraction ?? 0,
      churnedCents: m?.churned ?? 0,
    },
    mrrStartCents: m?.mrrStart ?? 0,
    mrrEndCents: m?.mrrEnd ?? 0,
    topReasons: reasons,
  };
}

/** Managers and admins (the weekly report's readers). */
export const WEEKLY_ROLES: readonly Role[] = ROLES.filter((r) => r !== "cs");

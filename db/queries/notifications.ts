// The in-app inbox and each user's choices (SPEC §8): notifications are written for the users whose
// choice for their kind is not "off"; the bell counts the unread; the settings page reads and
// writes the choices and the user's time zone.
import { and, count, desc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertFirings, alertRules, notificationPreferences, notifications, users } from "@/db/schema";
import { enqueueJobs } from "./jobs";
import { env } from "@/lib/env";
import type { NotificationRow, NotificationSettings } from "@/lib/types/alerts";
import {
  NOTIFICATION_DEFAULTS,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
  type Role,
} from "@/lib/values";

const isKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);
const isDelivery = (d: string): d is NotificationDelivery => (NOTIFICATION_DELIVERIES as readonly string[]).includes(d);

/** Each user's delivery for one kind (their choice, else the kind's default). */
export async function deliveriesFor(
  db: Db,
  userIds: string[],
  kind: NotificationKind,
): Promise<Map<string, NotificationDelivery>> {
  const out = new Map(userIds.map((id) => [id, NOTIFICATION_DEFAULTS[kind]]));
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ userId: notificationPreferences.userId, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)));
  for (const r of rows) if (isDelivery(r.delivery)) out.set(r.userId, r.delivery);
  return out;
}

export interface NewNotification {
  userId: string;
  title: string;
  body: string;
  href: string;
  accountId?: string | null;
  firingId?: number | null;
}

export interface Written {
  id: number;
  userId: string;
  title: string;
  body: string;
  href: string;
  delivery: NotificationDelivery;
}

/**
 * Writes the notifications of one kind for the users who have not turned it off, and — when e-mail is
 * configured — queues the e-mail of each one its user wants immediately (job `notifications.email`,
 * in the same transaction as the caller's). Returns each written one with its user's delivery.
 */
export async function notify(db: Db, kind: NotificationKind, list: NewNotification[], now: Date): Promise<Written[]> {
  if (list.length === 0) return [];
  const deliveries = await deliveriesFor(db, [...new Set(list.map((n) => n.userId))], kind);
  const wanted = list.filter((n) => deliveries.get(n.userId) !== "off");
  if (wanted.length === 0) return [];
  const rows = await db
    .insert(notifications)
    .values(
      wanted.map((n) => ({
        userId: n.userId,
        kind,
        title: n.title,
        body: n.body,
        href: n.href,
        accountId: n.accountId ?? null,
        firingId: n.firingId ?? null,
        createdAt: now,
      })),
    )
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
    });
  const written = rows.map((r) => ({ ...r, delivery: deliveries.get(r.userId) ?? NOTIFICATION_DEFAULTS[kind] }));
  if (env().SMTP_URL)
    await enqueueJobs(
      db,
      written
        .filter((w) => w.delivery === "immediate")
        .map((w) => ({
          key: `notification-email:${w.id}`,
          kind: "notifications.email",
          payload: { notificationId: w.id },
        })),
      now,
    );
  return written;
}

export const INBOX_PAGE_SIZE = 50;

/** The user's notifications, newest first: page `page` (1 = the latest INBOX_PAGE_SIZE). */
export async function inbox(db: Db, userId: string, page = 1): Promise<NotificationRow[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE);
  return rows.flatMap((r) => (isKind(r.kind) ? [{ ...r, kind: r.kind }] : []));
}

/** How many notifications the user has, and how many of them are unread. */
export async function inboxCounts(db: Db, userId: string): Promise<{ total: number; unread: number }> {
  const [row] = await db
    .select({ total: count(), unread: count(notifications.readAt).mapWith(Number) })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  const total = row?.total ?? 0;
  return { total, unread: total - (row?.unread ?? 0) };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read (`id`), or all of them up to `now`. Returns how many changed. */
export async function markRead(db: Db, userId: string, id: number | "all", now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id === "all" ? lte(notifications.createdAt, now) : eq(notifications.id, id),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function notificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const [user] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  const rows = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const preferences = { ...NOTIFICATION_DEFAULTS };
  for (const r of rows) if (isKind(r.kind) && isDelivery(r.delivery)) preferences[r.kind] = r.delivery;
  return { timeZone: user?.timeZone ?? null, preferences };
}

/** Saves the user's choices (every kind given) and time zone. */
export async function saveNotificationSettings(
  db: Db,
  userId: string,
  settings: { timeZone: string; preferences: Record<NotificationKind, NotificationDelivery> },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ timeZone: settings.timeZone, updatedAt: now }).where(eq(users.id, userId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    await tx
      .insert(notificationPreferences)
      .values(NOTIFICATION_KINDS.map((kind) => ({ userId, kind, delivery: settings.preferences[kind] })));
  });
}

/** At first sign-in the browser's zone becomes the user's, unless they already have one. */
export async function adoptTimeZone(db: Db, userId: string, timeZone: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ timeZone })
    .where(and(eq(users.id, userId), isNull(users.timeZone)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** The addresses of the active users among these. */
export async function activeEmails(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.active, true)));
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** Active users holding one of these roles, or named. */
export async function activeUsersOf(db: Db, roles: readonly Role[], ids: readonly string[]): Promise<string[]> {
  if (roles.length === 0 && ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(
          roles.length > 0 ? inArray(users.role, [...roles]) : undefined,
          ids.length > 0 ? inArray(users.id, [...ids]) : undefined,
        ),
      ),
    )
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

/** One notification with its user's address (active users only) and the rule that made it, for its e-mail. */
export async function notificationToEmail(db: Db, id: number) {
  const [row] = await db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      email: users.email,
      ruleName: alertRules.name,
    })
    .from(notifications)
    .innerJoin(users, and(eq(users.id, notifications.userId), eq(users.active, true)))
    .leftJoin(alertFirings, eq(alertFirings.id, notifications.firingId))
    .leftJoin(alertRules, eq(alertRules.id, alertFirings.ruleId))
    .where(eq(notifications.id, id));
  return row ?? null;
}

/** The user's digest zone (null until one is adopted or chosen). */
export async function timeZoneOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return row?.timeZone ?? null;
}

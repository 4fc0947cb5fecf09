// "What you would lose" on the cancel page: facts from one account's own rows only — its active
// users and most used features in the last 28 days (from the activity rollups), its seats and its
// months as a customer since its first conversion.
import { and, asc, eq, gte, lte, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, activityFeatureMonths, activityUserMonths, subscriptionEvents } from "@/db/schema";
import { type MonthBitmap, distinctActive, windowMask } from "@/lib/metrics/activity";
import type { CancelLossFacts } from "@/lib/types/cancel-flow";

const DAY = 86_400_000;
/** How many features the page names. */
export const KEY_FEATURES = 3;

const utcDay = (t: number) =>
  Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), new Date(t).getUTCDate());
const monthOf = (t: number) => new Date(t).toISOString().slice(0, 8) + "01";

/** The last 28 UTC days, ending with the day `now` falls in (as the health score counts them): [from, to). */
export function lossWindow(now: Date): { from: Date; to: Date } {
  const last = utcDay(now.getTime() - 1);
  return { from: new Date(last - 27 * DAY), to: new Date(last + DAY) };
}

/** Whole months from `since` to `now` (a month counts once its day of the month is reached again). */
export function wholeMonths(since: Date, now: Date): number {
  const months =
    (now.getUTCFullYear() - since.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - since.getUTCMonth()) -
    (now.getUTCDate() < since.getUTCDate() ? 1 : 0);
  return Math.max(0, months);
}

function bits(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v !== 0; v &= v - 1) count++;
  return count;
}

/** The account's loss facts at `now`; null when there is no such account. */
export async function cancelLossFacts(
  db: Db,
  accountId: string,
  now: Date = new Date(),
): Promise<CancelLossFacts | null> {
  const [account] = await db.select({ seats: accounts.seatsPaid }).from(accounts).where(eq(accounts.id, accountId));
  if (!account) return null;
  const { from, to } = lossWindow(now);
  const months = and(
    gte(activityUserMonths.month, monthOf(from.getTime())),
    lte(activityUserMonths.month, monthOf(to.getTime() - 1)),
  );
  const users = await db
    .select({
      month: activityUserMonths.month,
      key: activityUserMonths.userRef,
      activeDays: activityUserMonths.activeDays,
    })
    .from(activityUserMonths)
    .where(and(eq(activityUserMonths.accountId, accountId), months));
  const features = await db
    .select({
      month: activityFeatureMonths.month,
      feature: activityFeatureMonths.feature,
      activeDays: activityFeatureMonths.activeDays,
      events: activityFeatureMonths.events,
    })
    .from(activityFeatureMonths)
    .where(
      and(
        eq(activityFeatureMonths.accountId, accountId),
        gte(activityFeatureMonths.month, monthOf(from.getTime())),
        lte(activityFeatureMonths.month, monthOf(to.getTime() - 1)),
      ),
    )
    .orderBy(asc(activityFeatureMonths.feature));
  const [first] = await db
    .select({ at: min(subscriptionEvents.occurredAt) })
    .from(subscriptionEvents)
    .where(
      and(
        eq(subscriptionEvents.accountId, accountId),
        eq(subscriptionEvents.type, "converted"),
        lte(subscriptionEvents.occurredAt, now),
      ),
    );

  // A feature's use: the days it was used in the window; then its events in those months.
  const use = new Map<string, { days: number; events: number }>();
  for (const f of features) {
    const days = bits(f.activeDays & windowMask(f.month, from, to));
    if (days === 0) continue;
    const u = use.get(f.feature) ?? { days: 0, events: 0 };
    use.set(f.feature, { days: u.days + days, events: u.events + f.events });
  }
  const keyFeatures = [...use.entries()]
    .sort(([a, x], [b, y]) => y.days - x.days || y.events - x.events || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, KEY_FEATURES)
    .map(([feature]) => feature);
  const rows: MonthBitmap[] = users;
  const firstAt = first?.at ? new Date(first.at) : null;
  return {
    activeUsers28d: distinctActive(rows, from, to),
    seats: account.seats,
    keyFeatures,
    monthsAsCustomer: firstAt ? wholeMonths(firstAt, now) : 0,
  };
}

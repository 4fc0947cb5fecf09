// The inputs of each account's health score (lib/metrics/health), gathered in one set-based statement.
import { type SQL, and, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  accounts,
  activityFeatureMonths,
  activityUserMonths,
  cancelSessions as cs,
  cancellationResponses,
  contacts,
  signals,
} from "@/db/schema";
import type { Departure, HealthInputs } from "@/lib/metrics/health";
import type { CancelOfferShown } from "@/lib/types/cancel-flow";
import type { CancelSessionStatus } from "@/lib/values";
import { endedBySql, statusAsOfSql } from "./cancel-status";

export const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The bits of a month's day bitmask (bit i = day i + 1) that fall in the days lo..hi
 * (inclusive); 0 when the month is outside them.
 */
function dayMask(month: PgColumn, lo: string, hi: string): SQL {
  return sql`(case when ${hi}::date < ${month} or ${lo}::date >= (${month} + interval '1 month')::date then 0::bigint
    else (1::bigint << (least(30, ${hi}::date - ${month}) + 1)) - (1::bigint << greatest(0, ${lo}::date - ${month})) end)`;
}

/** Whether a month row's active days (a bitmask) meet the days lo..hi. */
function activeIn(row: { month: PgColumn; activeDays: PgColumn }, lo: string, hi: string): SQL {
  return sql`(${row.activeDays}::bigint & ${dayMask(row.month, lo, hi)}) <> 0`;
}

/** `column = any(values)`: one array parameter, however many values. */
export function anyOf(column: PgColumn, values: string[]): SQL {
  return sql`${column} = any(${sql.param(values)}::text[])`;
}

/**
 * Scored: customers, and trials until 30 days after their end (a trial that ended long ago
 * without converting is a lost lead, not an account to nurse).
 */
export function scoredAccounts(asOf: Date): SQL {
  return (
    or(
      inArray(accounts.status, ["active", "paused"]),
      and(
        eq(accounts.status, "trial"),
        or(isNull(accounts.trialEndsAt), gte(accounts.trialEndsAt, new Date(asOf.getTime() - 30 * DAY))),
      ),
    ) ?? sql`false`
  );
}

/** PGlite returns timestamptz[] as a Postgres array literal string; node-postgres as Dates or strings. */
function dateArray(v: (Date | string)[] | string | null): Date[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v.map((d) => new Date(d));
  return v
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean)
    .map((s) => new Date(s.replace(/^"|"$/g, "")));
}

/** Scored accounts: trials and customers. `accountIds` narrows to those (a refresh after writes). */
export async function healthInputs(
  db: Db,
  asOf: Date,
  keyFeatures: string[],
  accountIds?: string[],
): Promise<Map<string, HealthInputs>> {
  // Day windows by UTC date: the last 28 days end with the day asOf falls in.
  const end = asOf.getTime() - 1;
  const lastHi = isoDay(end);
  const lastLo = isoDay(end - 27 * DAY);
  const prevHi = isoDay(end - 28 * DAY);
  const prevLo = isoDay(end - 55 * DAY);
  const fromMonth = `${prevLo.slice(0, 7)}-01`;
  const lastFromMonth = `${lastLo.slice(0, 7)}-01`;
  const u = activityUserMonths;
  const f = activityFeatureMonths;
  const g = signals;
  const c = cancellationResponses;

  const scope = db.$with("scope").as(
    db
      .select({ id: accounts.id, seatsPaid: accounts.seatsPaid })
      .from(accounts)
      .where(and(scoredAccounts(asOf), accountIds ? anyOf(accounts.id, accountIds) : undefined)),
  );
  const userWindows = db.$with("user_windows").as(
    db
      .select({
        accountId: u.accountId,
        inLast: sql<boolean>`bool_or(${activeIn(u, lastLo, lastHi)})`.as("in_last"),
        inPrevious: sql<boolean>`bool_or(${activeIn(u, prevLo, prevHi)})`.as("in_previous"),
      })
      .from(u)
      .innerJoin(scope, eq(scope.id, u.accountId))
      .where(and(gte(u.month, fromMonth), lte(u.month, lastHi)))
      .groupBy(u.accountId, u.userRef),
  );
  const userCounts = db.$with("user_counts").as(
    db
      .select({
        accountId: userWindows.accountId,
        usersLast: sql<number>`count(*) filter (where ${userWindows.inLast})::int`.as("users_last"),
        usersPrevious: sql<number>`count(*) filter (where ${userWindows.inPrevious})::int`.as("users_previous"),
      })
      .from(userWindows)
      .groupBy(userWindows.accountId),
  );
  const features = db.$with("features").as(
    db
      .select({
        accountId: f.accountId,
        featuresUsed: sql<number>`count(distinct ${f.feature})::int`.as("features_used"),
      })
      .from(f)
      .innerJoin(scope, eq(scope.id, f.accountId))
      .where(
        and(
          anyOf(f.feature, keyFeatures),
          gte(f.month, lastFromMonth),
          lte(f.month, lastHi),
          activeIn(f, lastLo, lastHi),
        ),
      )
      .groupBy(f.accountId),
  );
  const isNps = and(eq(g.kind, "nps"), sql`${g.score} is not null`);
  const sig = db.$with("sig").as(
    db
      .select({
        accountId: g.accountId,
        recoveredAt: sql`max(${g.occurredAt}) filter (where ${eq(g.kind, "payment_recovered")})`
          .mapWith(g.occurredAt)
          .as("recovered_at"),
        failed: sql<(Date | string)[] | string | null>`array_agg(${g.occurredAt}) filter (where ${and(
          eq(g.kind, "payment_failed"),
          gte(g.occurredAt, new Date(asOf.getTime() - 30 * DAY)),
        )})`.as("failed"),
        npsScore: sql<
          number | null
        >`(array_agg(${g.score} order by ${g.occurredAt} desc, ${g.seq} desc) filter (where ${isNps}))[1]`.as(
          "nps_score",
        ),
        npsAt: sql`max(${g.occurredAt}) filter (where ${isNps})`.mapWith(g.occurredAt).as("nps_at"),
      })
      .from(g)
      .innerJoin(scope, eq(scope.id, g.accountId))
      .where(and(gte(g.occurredAt, new Date(asOf.getTime() - 180 * DAY)), lt(g.occurredAt, asOf)))
      .groupBy(g.accountId),
  );
  const answers = db.$with("answers").as(
    db
      .selectDistinctOn([c.accountId], {
        accountId: c.accountId,
        submittedAt: c.submittedAt,
        offerShown: c.offerShown,
        offerAccepted: c.offerAccepted,
        outcome: c.outcome,
      })
      .from(c)
      .innerJoin(scope, eq(scope.id, c.accountId))
      .where(and(gte(c.submittedAt, new Date(asOf.getTime() - 90 * DAY)), lt(c.submittedAt, asOf)))
      .orderBy(c.accountId, desc(c.submittedAt), desc(c.seq)),
  );
  // The last opening of the cancel page in the 30 days before asOf (previews never count), with how
  // its session stood at asOf and how many sessions the account opened in the window.
  const asOfIso = asOf.toISOString();
  const visits = db.$with("visits").as(
    db
      .selectDistinctOn([cs.accountId], {
        accountId: cs.accountId,
        openedAt: sql`${cs.openedAt}`.mapWith(cs.openedAt).as("visit_opened_at"),
        status: sql<CancelSessionStatus>`${statusAsOfSql(asOfIso)}`.as("visit_status"),
        offer: sql<CancelOfferShown | null>`${cs.offer}`.as("visit_offer"),
        offerAccepted: sql<boolean>`${endedBySql(asOfIso)} and ${cs.offerAccepted}`.as("visit_offer_accepted"),
        count: sql<number>`count(*) over (partition by ${cs.accountId})`.mapWith(Number).as("visit_count"),
      })
      .from(cs)
      .innerJoin(scope, eq(scope.id, cs.accountId))
      .where(and(eq(cs.preview, false), gt(cs.openedAt, new Date(asOf.getTime() - 30 * DAY)), lte(cs.openedAt, asOf)))
      .orderBy(cs.accountId, desc(cs.openedAt), desc(cs.id)),
  );
  const everActive = sql<boolean>`exists (select 1 from ${u} where ${u.accountId} = ${scope.id} and ${u.month} <= ${lastHi}::date and ${activeIn(u, "1970-01-01", lastHi)})`;
  const rows = await db
    .with(scope, userWindows, userCounts, features, sig, answers, visits)
    .select({
      accountId: scope.id,
      seatsPaid: scope.seatsPaid,
      everActive,
      usersLast: userCounts.usersLast,
      usersPrevious: userCounts.usersPrevious,
      featuresUsed: features.featuresUsed,
      recoveredAt: sig.recoveredAt,
      failed: sig.failed,
      npsScore: sig.npsScore,
      npsAt: sig.npsAt,
      submittedAt: answers.submittedAt,
      offerShown: answers.offerShown,
      offerAccepted: answers.offerAccepted,
      outcome: answers.outcome,
      visitOpenedAt: visits.openedAt,
      visitStatus: visits.status,
      visitOffer: visits.offer,
      visitOfferAccepted: visits.offerAccepted,
      visitCount: visits.count,
    })
    .from(scope)
    .leftJoin(userCounts, eq(userCounts.accountId, scope.id))
    .leftJoin(features, eq(features.accountId, scope.id))
    .leftJoin(sig, eq(sig.accountId, scope.id))
    .leftJoin(answers, eq(answers.accountId, scope.id))
    .leftJoin(visits, eq(visits.accountId, scope.id));

  // Champions and decision makers who left in the 90 days before asOf, the latest first.
  const left = await db
    .with(scope)
    .select({
      accountId: contacts.accountId,
      name: contacts.name,
      email: contacts.email,
      role: contacts.role,
      leftAt: contacts.leftAt,
    })
    .from(contacts)
    .innerJoin(scope, eq(scope.id, contacts.accountId))
    .where(
      and(
        inArray(contacts.role, ["champion", "decision_maker"]),
        gt(contacts.leftAt, new Date(asOf.getTime() - 90 * DAY)),
        lte(contacts.leftAt, asOf),
      ),
    )
    .orderBy(contacts.accountId, desc(contacts.leftAt), contacts.email);
  const departures = new Map<string, Departure[]>();
  for (const d of left) {
    if (d.leftAt === null || d.role === "user") continue;
    const list = departures.get(d.accountId) ?? [];
    list.push({ name: d.name ?? d.email, role: d.role, leftAt: d.leftAt });
    departures.set(d.accountId, list);
  }

  const out = new Map<string, HealthInputs>();
  for (const r of rows) {
    const recovered = r.recoveredAt === null ? -Infinity : r.recoveredAt.getTime();
    out.set(r.accountId, {
      everActive: r.everActive,
      seatsPaid: r.seatsPaid,
      activeUsersLast: r.usersLast ?? 0,
      activeUsersPrevious: r.usersPrevious ?? 0,
      keyFeaturesUsed: r.featuresUsed ?? 0,
      unrecoveredFailedPayments: dateArray(r.failed).filter((d) => d.getTime() > recovered).length,
      latestResponse:
        r.submittedAt === null
          ? null
          : {
              submittedAt: r.submittedAt,
              offerShown: r.offerShown ?? "none",
              offerAccepted: r.offerAccepted ?? false,
              outcome: r.outcome ?? "",
            },
      latestVisit:
        r.visitOpenedAt === null || r.visitStatus === null
          ? null
          : {
              openedAt: r.visitOpenedAt,
              status: r.visitStatus,
              offer: r.visitOffer,
              offerAccepted: r.visitOfferAccepted ?? false,
              visits: r.visitCount ?? 1,
            },
      latestNps: r.npsScore === null || r.npsAt === null ? null : { score: r.npsScore, at: r.npsAt },
      departures: departures.get(r.accountId) ?? [],
    });
  }
  return out;
}

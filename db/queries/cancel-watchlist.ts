// The watchlist (SPEC §7): accounts that opened the cancel page in the 30 days before asOf and did
// not cancel there — the customers on the edge of leaving. Previews are never counted.
import { and, desc, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, cancelSessions as cs, users } from "@/db/schema";
import { visitWords } from "@/lib/metrics/health";
import type { AccountFilter, DrillResult } from "@/lib/types/metrics";
import type { CancelOfferShown } from "@/lib/types/cancel-flow";
import type { CancelSessionStatus, Segment } from "@/lib/values";
import { endedBySql, statusAsOfSql } from "./cancel-status";
import { segmentPlanWhere } from "./filters";

const WINDOW_MS = 30 * 24 * 3_600_000;

export interface WatchlistRow {
  accountId: string;
  externalId: string;
  name: string;
  segment: Segment | null;
  plan: string | null;
  ownerName: string | null;
  mrrCents: number;
  /** The last opening of the cancel page in the window. */
  openedAt: Date;
  /** That session's status as of asOf (a session not ended by then is open). */
  status: CancelSessionStatus;
  /** The offer it showed and whether it was taken. */
  offer: CancelOfferShown | null;
  offerAccepted: boolean;
  /** Sessions opened in the window. */
  visits: number;
}

/** Sessions opened in (asOf − 30 days, asOf], not previews. */
function windowWhere(asOf: Date) {
  return and(
    eq(cs.preview, false),
    isNotNull(cs.openedAt),
    gt(cs.openedAt, new Date(asOf.getTime() - WINDOW_MS)),
    lte(cs.openedAt, asOf),
  );
}

/**
 * The watchlist as of `asOf`, newest visit first: each account whose sessions opened in the window
 * include none that ended `canceled` by asOf, with its last visit. It holds only 30 days of visits,
 * so it is read whole.
 */
export async function cancelWatchlist(
  db: Db,
  options: { asOf: Date; filter?: AccountFilter },
): Promise<WatchlistRow[]> {
  const asOf = options.asOf.toISOString();
  const endedByAsOf = endedBySql(asOf);
  const canceledHere = sql`bool_or(${endedByAsOf} and ${cs.status} = 'canceled') over (partition by ${cs.accountId})`;
  const latest = db.$with("latest").as(
    db
      .select({
        accountId: cs.accountId,
        openedAt: sql<Date>`${cs.openedAt}`.as("last_opened_at"),
        status: sql<CancelSessionStatus>`${statusAsOfSql(asOf)}`.as("last_status"),
        offer: sql<CancelOfferShown | null>`${cs.offer}`.as("last_offer"),
        offerAccepted: sql<boolean>`${endedByAsOf} and ${cs.offerAccepted}`.as("last_offer_accepted"),
        visits: sql<number>`count(*) over (partition by ${cs.accountId})`.mapWith(Number).as("visits_in_window"),
        canceled: sql<boolean>`${canceledHere}`.as("canceled_in_window"),
        rank: sql<number>`row_number() over (partition by ${cs.accountId} order by ${cs.openedAt} desc, ${cs.id} desc)`.as(
          "visit_rank",
        ),
      })
      .from(cs)
      .where(windowWhere(options.asOf)),
  );
  const rows = await db
    .with(latest)
    .select({
      accountId: accounts.id,
      externalId: accounts.externalId,
      name: accounts.name,
      segment: accounts.segment,
      plan: accounts.plan,
      ownerName: users.name,
      mrrCents: accounts.mrrCents,
      openedAt: latest.openedAt,
      status: latest.status,
      offer: latest.offer,
      offerAccepted: latest.offerAccepted,
      visits: latest.visits,
    })
    .from(latest)
    .innerJoin(accounts, eq(accounts.id, latest.accountId))
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(and(eq(latest.rank, 1), eq(latest.canceled, false), segmentPlanWhere(options.filter ?? {}, accounts)))
    .orderBy(desc(latest.openedAt), accounts.externalId);
  return rows.map((r) => ({ ...r, openedAt: new Date(r.openedAt) }));
}

/** The watchlist as the drill-through lists it: each account with its MRR and its last visit in words. */
export async function drillWatchlist(db: Db, scope: { asOf: Date } & AccountFilter): Promise<DrillResult> {
  const rows = await cancelWatchlist(db, { asOf: scope.asOf, filter: scope });
  return {
    total: rows.length,
    accounts: rows.map((r) => ({
      externalId: r.externalId,
      name: r.name,
      segment: r.segment,
      plan: r.plan,
      ownerName: r.ownerName,
      mrrCents: r.mrrCents,
      amountCents: r.mrrCents,
      detail: visitWords({
        openedAt: r.openedAt,
        status: r.status,
        offer: r.offer,
        offerAccepted: r.offerAccepted,
        visits: r.visits,
      }),
    })),
  };
}

// The reasons report of the read API: answers by submittedAt in from..to (and before asOf), grouped for lib/metrics/reasons,
// with the MRR each cancellation lost and whether each save held for 30 days.
import { type SQL, and, asc, count, eq, gte, isNotNull, lt, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  accounts,
  cancellationResponses as cr,
  reasonCategories as c,
  subscriptionEvents,
  taxonomyVersions,
} from "@/db/schema";
import { addMonths } from "@/lib/metrics/months";
import { type ReasonGroup, type ReasonsReport, reasonsReport } from "@/lib/metrics/reasons";
import type { MetricsScope } from "@/lib/types/metrics";
import { segmentPlanWhere } from "./filters";

// A save is judged 30 days after the answer.
const SAVE_WINDOW = sql`interval '720 hours'`;
const e = alias(subscriptionEvents, "e");

/** Each answer's group: month, category, code, offer, regrettable, canceled, save state; with its count and MRR lost. */
function reasonGroupsQuery(db: Db, scope: MetricsScope) {
  const asOf = scope.asOf.toISOString();
  const r = db.$with("r").as(
    db
      .select({
        accountId: cr.accountId,
        submittedAt: cr.submittedAt,
        reasonCode: cr.reasonCode,
        offerShown: cr.offerShown,
        outcome: cr.outcome,
        categoryId: cr.categoryId,
        // An answer waiting in Uncategorized is not yet filed: neither regrettable nor not, whatever its own flag.
        regrettable: sql<boolean | null>`case when ${c.isUncategorized} then null
          else coalesce(${cr.regrettableOverride}, ${c.regrettable}) end`.as("regrettable"),
      })
      .from(cr)
      .innerJoin(c, eq(c.id, cr.categoryId))
      .innerJoin(accounts, eq(accounts.id, cr.accountId))
      .where(
        and(
          gte(cr.submittedAt, new Date(`${scope.from}-01T00:00:00Z`)),
          lt(cr.submittedAt, new Date(`${addMonths(scope.to, 1)}-01T00:00:00Z`)),
          lt(cr.submittedAt, scope.asOf),
          segmentPlanWhere(scope, accounts),
        ),
      ),
  );
  // A nested fragment keeps its columns qualified: `e` and `r` both have account_id.
  const lastEvent = (what: SQL, before: SQL) =>
    sql`(select ${what} from ${subscriptionEvents} ${e}
      where ${e.accountId} = ${r.accountId} and ${e.occurredAt} < ${before}
      order by ${e.occurredAt} desc, ${e.seq} desc limit 1)`;
  const mrrAfter = sql`case when ${e.type} in ('canceled', 'trial_started') then 0 else ${e.mrrAfterCents} end`;
  const saveWindowEnd = sql`${r.submittedAt} + ${SAVE_WINDOW}`;
  const judged = db.$with("judged").as(
    db
      .select({
        submittedAt: r.submittedAt,
        categoryId: r.categoryId,
        reasonCode: r.reasonCode,
        offerShown: r.offerShown,
        regrettable: r.regrettable,
        outcome: r.outcome,
        // The MRR the account had just before it answered and canceled.
        mrrLost: sql<number>`case when ${r.outcome} = 'canceled'
          then coalesce(${lastEvent(mrrAfter, sql`${r.submittedAt}`)}, 0) else 0 end`.as("mrr_lost"),
        saveState: sql<"saved" | "lost" | "pending" | null>`case
            when ${r.outcome} = 'canceled' then null
            when ${saveWindowEnd} > ${asOf}::timestamptz then 'pending'
            when ${lastEvent(sql`${e.type}`, saveWindowEnd)}
              in ('converted', 'expansion', 'contraction', 'resumed', 'reactivated', 'paused') then 'saved'
            else 'lost'
          end`.as("save_state"),
      })
      .from(r),
  );
  return db
    .with(r, judged)
    .select({
      month: sql<string>`to_char(${judged.submittedAt} at time zone 'UTC', 'YYYY-MM')`,
      categoryId: judged.categoryId,
      reasonCode: judged.reasonCode,
      offer: judged.offerShown,
      regrettable: judged.regrettable,
      canceled: sql<boolean>`${judged.outcome} = 'canceled'`,
      saveState: judged.saveState,
      responses: count(),
      mrrLostCents: sql<number>`sum(${judged.mrrLost})::bigint`.mapWith(Number),
    })
    .from(judged)
    .groupBy(sql`1, 2, 3, 4, 5, 6, 7`);
}

/** The statements behind the report, unrun: the report runs them, the benchmark times them raw. */
export function reasonQueries(db: Db, scope: MetricsScope) {
  return {
    version: db.select({ version: max(taxonomyVersions.version) }).from(taxonomyVersions),
    categories: db
      .select({
        id: c.id,
        slug: c.slug,
        name: c.name,
        regrettable: sql<boolean | null>`case when ${c.isUncategorized} then null else ${c.regrettable} end`,
        color: c.color,
        archived: isNotNull(c.archivedAt).mapWith(Boolean),
      })
      .from(c)
      .orderBy(asc(c.sortOrder), asc(c.name)),
    groups: reasonGroupsQuery(db, scope),
  };
}

async function reasonsData(db: Db, scope: MetricsScope) {
  const q = reasonQueries(db, scope);
  const [version] = await q.version;
  const categories = await q.categories;
  const groups: ReasonGroup[] = await q.groups;
  return { taxonomyVersion: version?.version ?? 1, categories, groups };
}

export async function reasonsReportFor(db: Db, scope: MetricsScope): Promise<ReasonsReport> {
  const data = await reasonsData(db, scope);
  return reasonsReport(scope.asOf, data.taxonomyVersion, data.categories, data.groups);
}

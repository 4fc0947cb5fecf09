// The reasons report of the read API: answers by submittedAt in from..to (and before asOf), grouped for lib/metrics/reasons,
// with the MRR each cancellation lost and whether each save held for 30 days.
import { type AnyColumn, type SQL, and, asc, count, eq, inArray, isNotNull, lt, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  accounts,
  cancelFlowVersions as cfv,
  cancelSessions as cs,
  cancellationResponses as cr,
  reasonCategories as c,
  subscriptionEvents,
  taxonomyVersions,
} from "@/db/schema";
import {
  type ExperimentVersion,
  type ReasonsWithSessions,
  type SessionGroup,
  type VariantMeasure,
  cancelMeasures,
} from "@/lib/metrics/cancel-measures";
import { type ReasonGroup, reasonsReport } from "@/lib/metrics/reasons";
import type { MetricsScope } from "@/lib/types/metrics";
import { endedBySql, statusAsOfSql } from "./cancel-status";
import { cancelWatchlist } from "./cancel-watchlist";
import { periodWhere, segmentPlanWhere } from "./filters";

// A save is judged 30 days after the answer.
const SAVE_WINDOW = sql`interval '720 hours'`;
const e = alias(subscriptionEvents, "e");

/** `what` of the account's last subscription event before `before` (a nested fragment keeps `e`'s columns qualified). */
const lastEventOf = (accountId: SQL | AnyColumn, what: SQL, before: SQL) =>
  sql`(select ${what} from ${subscriptionEvents} ${e}
    where ${e.accountId} = ${accountId} and ${e.occurredAt} < ${before}
    order by ${e.occurredAt} desc, ${e.seq} desc limit 1)`;

/**
 * Whether a save made at `savedAt` held (docs/metrics.md): pending until 30 days have passed by
 * `asOf`; then saved when the account's last event by day 30 leaves it paying or paused, else lost.
 */
export function saveStateSql(accountId: SQL | AnyColumn, savedAt: SQL | AnyColumn, asOf: string): SQL {
  const windowEnd = sql`${savedAt} + ${SAVE_WINDOW}`;
  return sql`case
      when ${windowEnd} > ${asOf}::timestamptz then 'pending'
      when ${lastEventOf(accountId, sql`${e.type}`, windowEnd)}
        in ('converted', 'expansion', 'contraction', 'resumed', 'reactivated', 'paused') then 'saved'
      else 'lost'
    end`;
}

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
      .where(and(periodWhere(cr.submittedAt, scope), segmentPlanWhere(scope, accounts))),
  );
  const mrrAfter = sql`case when ${e.type} in ('canceled', 'trial_started') then 0 else ${e.mrrAfterCents} end`;
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
          then coalesce(${lastEventOf(r.accountId, mrrAfter, sql`${r.submittedAt}`)}, 0) else 0 end`.as("mrr_lost"),
        saveState: sql<"saved" | "lost" | "pending" | null>`case
            when ${r.outcome} = 'canceled' then null
            else ${saveStateSql(r.accountId, r.submittedAt, asOf)}
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

/**
 * Cancel sessions matching `where` (previews always left out), grouped by their status as of asOf (a
 * session not ended by then was open), flow version, variant and — for saves — whether the save held.
 */
function sessionGroupsWhere(db: Db, asOf: string, where: SQL | undefined) {
  const endedByAsOf = endedBySql(asOf);
  return db
    .select({
      status: statusAsOfSql(asOf),
      flowVersionId: cs.flowVersionId,
      flowVersion: cfv.version,
      // A session counts in its variant once it chose the experiment's reason and so met the slot's
      // offer: the reason is chosen before the offer is shown, so this keeps the split random.
      variant: sql<string | null>`case when ${cs.reasonCode} = (${cfv.content} -> 'experiment' ->> 'reasonCode')
        then ${cs.variant} end`,
      saveState: sql<"saved" | "lost" | "pending" | null>`case
          when ${endedByAsOf} and ${cs.status} = 'saved' then ${saveStateSql(cs.accountId, cs.endedAt, asOf)}
          else null
        end`,
      sessions: count(),
    })
    .from(cs)
    .innerJoin(cfv, eq(cfv.id, cs.flowVersionId))
    .innerJoin(accounts, eq(accounts.id, cs.accountId))
    .where(and(eq(cs.preview, false), where))
    .groupBy(sql`1, 2, 3, 4, 5`);
}

/** The sessions made in from..to (before asOf) of accounts in the scope's segment and plan. */
const sessionGroupsQuery = (db: Db, scope: MetricsScope) =>
  sessionGroupsWhere(
    db,
    scope.asOf.toISOString(),
    and(periodWhere(cs.createdAt, scope), segmentPlanWhere(scope, accounts)),
  );

/** The flow versions among `ids`, with their flow's name and content: what the variants' rows name. */
async function experimentVersions(db: Db, ids: string[]): Promise<Map<string, ExperimentVersion>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: cfv.id, flowId: cfv.flowId, flowName: cfv.name, content: cfv.content })
    .from(cfv)
    .where(inArray(cfv.id, ids));
  return new Map(rows.map(({ id, ...version }) => [id, version]));
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
    sessions: sessionGroupsQuery(db, scope),
  };
}

async function reasonsData(db: Db, scope: MetricsScope) {
  const q = reasonQueries(db, scope);
  const [version] = await q.version;
  const categories = await q.categories;
  const groups: ReasonGroup[] = await q.groups;
  const sessions: SessionGroup[] = await q.sessions;
  const withVariant = new Set(sessions.filter((g) => g.variant !== null).map((g) => g.flowVersionId));
  const versions = await experimentVersions(db, [...withVariant]);
  return { taxonomyVersion: version?.version ?? 1, categories, groups, sessions, versions };
}

/**
 * The experiment's results on one flow version, as of `asOf`: each variant's sessions, saves and save
 * rate with its interval, over every session the version has had (the editor shows them).
 */
export async function experimentResults(db: Db, flowVersionId: string, asOf: Date): Promise<VariantMeasure[]> {
  const groups: SessionGroup[] = await sessionGroupsWhere(
    db,
    asOf.toISOString(),
    and(eq(cs.flowVersionId, flowVersionId), lt(cs.createdAt, asOf)),
  );
  return cancelMeasures(groups, await experimentVersions(db, [flowVersionId])).byVariant;
}

/** The reasons report (SPEC §5) with the cancel flow's measures (§7). */
export async function reasonsReportFor(db: Db, scope: MetricsScope): Promise<ReasonsWithSessions> {
  const data = await reasonsData(db, scope);
  return {
    ...reasonsReport(scope.asOf, data.taxonomyVersion, data.categories, data.groups),
    ...cancelMeasures(data.sessions, data.versions),
    watchlistAccounts: (await cancelWatchlist(db, { asOf: scope.asOf, filter: scope })).length,
  };
}

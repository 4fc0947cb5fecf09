// The read API's numbers (docs/metrics.md, docs/api.md): churn months and cohorts from the rollups, the overview.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { type ChurnMonth, type MonthTotals, churnMonths } from "@/lib/metrics/churn";
import { type Cohort, type CohortBase, type CohortDelta, cohortTable } from "@/lib/metrics/cohorts";
import { type ReasonsReport, type SaveOffer, reasonsReport } from "@/lib/metrics/reasons";
import { type Month, addMonths, lastCompleteMonth, monthOf } from "@/lib/metrics/months";
import type { MetricsScope } from "@/lib/validation/metrics";
import { customersAt } from "./customers";
import { segmentPlanWhere } from "./filters";

type Filter = Pick<MetricsScope, "segment" | "plan">;

const month = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM')`);

function monthTotalsSql(upTo: Month, filter: Filter): SQL {
  return sql`
      select ${month("month")} as month,
        sum(d_customers)::bigint as d_customers, sum(d_mrr_cents)::bigint as d_mrr_cents,
        sum(new)::bigint as new, sum(reactivated)::bigint as reactivated, sum(churned)::bigint as churned,
        sum(new_and_lost)::bigint as new_and_lost, sum(new_cents)::bigint as new_cents,
        sum(expansion_cents)::bigint as expansion_cents, sum(contraction_cents)::bigint as contraction_cents,
        sum(churned_cents)::bigint as churned_cents, sum(reactivation_cents)::bigint as reactivation_cents
      from metric_month_totals
      where month < ${`${addMonths(upTo, 1)}-01`} and ${segmentPlanWhere(filter)}
      group by month order by month
    `;
}

export async function monthTotals(db: Db, upTo: Month, filter: Filter): Promise<MonthTotals[]> {
  const rows = await queryRows<Record<string, string | number>>(db, monthTotalsSql(upTo, filter));
  return rows.map((r) => ({
    month: String(r.month),
    dCustomers: Number(r.d_customers),
    dMrrCents: Number(r.d_mrr_cents),
    new: Number(r.new),
    reactivated: Number(r.reactivated),
    churned: Number(r.churned),
    newAndLost: Number(r.new_and_lost),
    newCents: Number(r.new_cents),
    expansionCents: Number(r.expansion_cents),
    contractionCents: Number(r.contraction_cents),
    churnedCents: Number(r.churned_cents),
    reactivationCents: Number(r.reactivation_cents),
  }));
}

/** Complete months (end ≤ asOf) inside from..to, every one listed even without events. */
export async function churnReport(db: Db, scope: MetricsScope): Promise<{ asOf: string; months: ChurnMonth[] }> {
  const last = lastCompleteMonth(scope.asOf);
  const to = scope.to < last ? scope.to : last;
  const months = to < scope.from ? [] : churnMonths(await monthTotals(db, to, scope), scope.from, to);
  return { asOf: scope.asOf.toISOString(), months };
}

function cohortStatements(scope: MetricsScope) {
  const last = lastCompleteMonth(scope.asOf);
  const current = monthOf(scope.asOf);
  const fromDate = `${scope.from}-01`;
  const toDate = `${scope.to < last ? scope.to : last}-01`;
  return {
    last,
    current,
    bases: sql`select ${month("cohort")} as cohort, sum(size)::bigint as size, sum(base_mrr_cents)::bigint as base
        from cohort_bases where cohort >= ${fromDate} and cohort <= ${toDate} and ${segmentPlanWhere(scope)}
        group by cohort having sum(size) > 0 order by cohort`,
    deltas: sql`select ${month("cohort")} as cohort, ${month("month")} as month, sum(d_customers)::bigint as d, sum(d_mrr_cents)::bigint as dm
        from cohort_month_totals
        where cohort >= ${fromDate} and cohort <= ${toDate} and month <= ${`${last}-01`} and ${segmentPlanWhere(scope)}
        group by cohort, month`,
    // The month of asOf has not ended: its cohort is listed (conversions before asOf), with no cells.
    open:
      current >= scope.from && current <= scope.to
        ? sql`select count(*)::int as size, coalesce(sum(cohort_base_mrr_cents), 0)::bigint as base from accounts
            where cohort_month = ${`${current}-01`} and cohort_converted_at < ${scope.asOf.toISOString()}
            and ${segmentPlanWhere(scope, "accounts")}`
        : null,
  };
}

export async function cohortReport(db: Db, scope: MetricsScope): Promise<{ asOf: string; cohorts: Cohort[] }> {
  const q = cohortStatements(scope);
  const [bases, deltas, open] = await Promise.all([
    queryRows<{ cohort: string; size: string | number; base: string | number }>(db, q.bases),
    queryRows<{ cohort: string; month: string; d: string | number; dm: string | number }>(db, q.deltas),
    q.open ? queryRows<{ size: number; base: string | number }>(db, q.open) : Promise.resolve([]),
  ]);
  const baseRows: CohortBase[] = bases.map((b) => ({
    cohort: b.cohort,
    size: Number(b.size),
    baseMrrCents: Number(b.base),
  }));
  const deltaRows: CohortDelta[] = deltas.map((d) => ({
    cohort: d.cohort,
    month: d.month,
    dCustomers: Number(d.d),
    dMrrCents: Number(d.dm),
  }));
  const cohorts = cohortTable(baseRows, deltaRows, q.last);
  const openCohort = open[0];
  if (openCohort && openCohort.size > 0) {
    cohorts.push({ cohort: q.current, size: openCohort.size, baseMrrCents: Number(openCohort.base), cells: [] });
  }
  return { asOf: scope.asOf.toISOString(), cohorts };
}

export async function overviewReport(db: Db, scope: Pick<MetricsScope, "asOf" | "segment" | "plan">) {
  const last = lastCompleteMonth(scope.asOf);
  const previous = addMonths(last, -1);
  const [now, totals] = await Promise.all([customersAt(db, scope.asOf, scope), monthTotals(db, last, scope)]);
  const [previousMonth, lastMonth] = churnMonths(totals, previous, last);
  return {
    asOf: scope.asOf.toISOString(),
    customers: now.customers,
    mrrCents: now.mrrCents,
    accountsWithHistory: now.accountsWithHistory,
    lastMonth: lastMonth ?? null,
    previousMonth: previousMonth ?? null,
  };
}

const SAVE_WINDOW = sql.raw("interval '720 hours'");

/** Responses by submittedAt in from..to (and before asOf), grouped for lib/metrics/reasons. */
function reasonGroupsSql(scope: MetricsScope): SQL {
  const from = `${scope.from}-01T00:00:00Z`;
  const to = `${addMonths(scope.to, 1)}-01T00:00:00Z`;
  const asOf = scope.asOf.toISOString();
  return sql`
      with r as (
        select cr.account_id, cr.submitted_at, cr.reason_code, cr.offer_shown::text as offer, cr.outcome,
               cr.category_id,
               -- An answer waiting in Uncategorized is not yet filed: neither regrettable nor not, whatever its own flag.
               case when c.is_uncategorized then null else coalesce(cr.regrettable_override, c.regrettable) end as regrettable
        from cancellation_responses cr
        join reason_categories c on c.id = cr.category_id
        join accounts a on a.id = cr.account_id
        where cr.submitted_at >= ${from} and cr.submitted_at < ${to} and cr.submitted_at < ${asOf} and ${segmentPlanWhere(scope, "a")}
      ),
      judged as (
        select r.*,
          case when r.outcome = 'canceled' then coalesce((
            select case when e.type in ('canceled', 'trial_started') then 0 else e.mrr_after_cents end
            from subscription_events e
            where e.account_id = r.account_id and e.occurred_at < r.submitted_at
            order by e.occurred_at desc, e.seq desc limit 1), 0)
          else 0 end as mrr_lost,
          case
            when r.outcome = 'canceled' then null
            when r.submitted_at + ${SAVE_WINDOW} > ${asOf}::timestamptz then 'pending'
            when (
              select e.type from subscription_events e
              where e.account_id = r.account_id and e.occurred_at < r.submitted_at + ${SAVE_WINDOW}
              order by e.occurred_at desc, e.seq desc limit 1
            ) in ('converted', 'expansion', 'contraction', 'resumed', 'reactivated', 'paused') then 'saved'
            else 'lost'
          end as save_state
        from r
      )
      select to_char(submitted_at at time zone 'UTC', 'YYYY-MM') as month, category_id, reason_code, offer, regrettable,
             outcome = 'canceled' as canceled, save_state, count(*)::int as responses, sum(mrr_lost)::bigint as mrr_lost
      from judged
      group by 1, 2, 3, 4, 5, 6, 7
    `;
}

export async function reasonsData(db: Db, scope: MetricsScope) {
  const [versionSql, categoriesSql, groupsSql] = reasonStatements(scope);
  const [version] = await queryRows<{ v: number }>(db, versionSql);
  const categories = await queryRows<{
    id: string;
    slug: string;
    name: string;
    regrettable: boolean | null;
    color: string;
  }>(db, categoriesSql);
  const groups = await queryRows<{
    month: string;
    category_id: string;
    reason_code: string;
    offer: string;
    regrettable: boolean | null;
    canceled: boolean;
    save_state: "saved" | "lost" | "pending" | null;
    responses: number;
    mrr_lost: string | number;
  }>(db, groupsSql);
  return {
    taxonomyVersion: version?.v ?? 1,
    categories,
    groups: groups.map((g) => ({
      month: g.month,
      categoryId: g.category_id,
      reasonCode: g.reason_code,
      offer: g.offer as SaveOffer,
      regrettable: g.regrettable,
      canceled: g.canceled,
      saveState: g.save_state,
      responses: g.responses,
      mrrLostCents: Number(g.mrr_lost),
    })),
  };
}

export async function reasonsReportFor(db: Db, scope: MetricsScope): Promise<ReasonsReport> {
  const data = await reasonsData(db, scope);
  return reasonsReport(scope.asOf, data.taxonomyVersion, data.categories, data.groups);
}

/** The SQL statements behind each report, for the benchmark's raw timings. */
export function reportStatements(name: "churn" | "cohorts" | "reasons", scope: MetricsScope): SQL[] {
  if (name === "churn") return [monthTotalsSql(lastCompleteMonth(scope.asOf), scope)];
  if (name === "cohorts") {
    const q = cohortStatements(scope);
    return [q.bases, q.deltas, ...(q.open ? [q.open] : [])];
  }
  return reasonStatements(scope);
}

function reasonStatements(scope: MetricsScope): [SQL, SQL, SQL] {
  return [
    sql`select coalesce(max(version), 1)::int as v from taxonomy_versions`,
    sql`select id, slug, name, case when is_uncategorized then null else regrettable end as regrettable, color
        from reason_categories where archived_at is null order by sort_order, name`,
    reasonGroupsSql(scope),
  ];
}

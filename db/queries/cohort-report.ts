// The cohort table of the read API: sizes and monthly changes from the rollups, plus the cohort of the month not yet ended.
import { and, count, eq, gte, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, cohortBases as b, cohortMonthTotals as t } from "@/db/schema";
import { cohortTable } from "@/lib/metrics/cohorts";
import { lastCompleteMonth, monthOf } from "@/lib/metrics/months";
import type { CohortsData, MetricsScope } from "@/lib/types/metrics";
import { segmentPlanWhere } from "./filters";
import { monthText, sumOf } from "./metric-sql";

/** The statements behind the table, unrun: the report runs them, the benchmark times them raw. */
export function cohortQueries(db: Db, scope: MetricsScope) {
  const last = lastCompleteMonth(scope.asOf);
  const current = monthOf(scope.asOf);
  const fromDate = `${scope.from}-01`;
  const toDate = `${scope.to < last ? scope.to : last}-01`;
  return {
    last,
    current,
    bases: db
      .select({ cohort: monthText(b.cohort), size: sumOf(b.size), baseMrrCents: sumOf(b.baseMrrCents) })
      .from(b)
      .where(and(gte(b.cohort, fromDate), lte(b.cohort, toDate), segmentPlanWhere(scope, b)))
      .groupBy(b.cohort)
      .having(sql`sum(${b.size}) > 0`)
      .orderBy(b.cohort),
    deltas: db
      .select({
        cohort: monthText(t.cohort),
        month: monthText(t.month),
        dCustomers: sumOf(t.dCustomers),
        dMrrCents: sumOf(t.dMrrCents),
      })
      .from(t)
      .where(
        and(gte(t.cohort, fromDate), lte(t.cohort, toDate), lte(t.month, `${last}-01`), segmentPlanWhere(scope, t)),
      )
      .groupBy(t.cohort, t.month),
    // The month of asOf has not ended: its cohort is listed (conversions before asOf), with no cells.
    open:
      current >= scope.from && current <= scope.to
        ? db
            .select({
              size: count(),
              baseMrrCents: sql<number>`coalesce(sum(${accounts.cohortBaseMrrCents}), 0)`.mapWith(Number),
            })
            .from(accounts)
            .where(
              and(
                eq(accounts.cohortMonth, `${current}-01`),
                lt(accounts.cohortConvertedAt, scope.asOf),
                segmentPlanWhere(scope, accounts),
              ),
            )
        : null,
  };
}

export async function cohortReport(db: Db, scope: MetricsScope): Promise<CohortsData> {
  const q = cohortQueries(db, scope);
  const [bases, deltas, open] = await Promise.all([q.bases, q.deltas, q.open ?? Promise.resolve([])]);
  const cohorts = cohortTable(bases, deltas, q.last);
  const openCohort = open[0];
  if (openCohort && openCohort.size > 0) {
    cohorts.push({ cohort: q.current, size: openCohort.size, baseMrrCents: openCohort.baseMrrCents, cells: [] });
  }
  return { asOf: scope.asOf.toISOString(), cohorts };
}

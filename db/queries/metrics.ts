// The read API's numbers (docs/metrics.md, docs/api.md): churn months from the rollups and the overview;
// the cohorts and the reasons report have files of their own (cohort-report.ts, reasons-report.ts).
import { and, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { metricMonthTotals as m } from "@/db/schema";
import { type MonthTotals, churnMonths } from "@/lib/metrics/churn";
import { type Month, addMonths, lastCompleteMonth } from "@/lib/metrics/months";
import type { AccountFilter, ChurnData, MetricsScope, OverviewData } from "@/lib/types/metrics";
import { customersAt } from "./customers";
import { segmentPlanWhere } from "./filters";
import { monthText, sumOf } from "./metric-sql";

/** The movements of each month up to `upTo`, summed over the segments and plans the filter keeps. */
export function monthTotalsQuery(db: Db, upTo: Month, filter: AccountFilter) {
  return db
    .select({
      month: monthText(m.month),
      dCustomers: sumOf(m.dCustomers),
      dMrrCents: sumOf(m.dMrrCents),
      new: sumOf(m.new),
      reactivated: sumOf(m.reactivated),
      churned: sumOf(m.churned),
      newAndLost: sumOf(m.newAndLost),
      newCents: sumOf(m.newCents),
      expansionCents: sumOf(m.expansionCents),
      contractionCents: sumOf(m.contractionCents),
      churnedCents: sumOf(m.churnedCents),
      reactivationCents: sumOf(m.reactivationCents),
    })
    .from(m)
    .where(and(lt(m.month, `${addMonths(upTo, 1)}-01`), segmentPlanWhere(filter, m)))
    .groupBy(m.month)
    .orderBy(m.month);
}

export async function monthTotals(db: Db, upTo: Month, filter: AccountFilter): Promise<MonthTotals[]> {
  return monthTotalsQuery(db, upTo, filter);
}

/** Complete months (end ≤ asOf) inside from..to, every one listed even without events. */
export async function churnReport(db: Db, scope: MetricsScope): Promise<ChurnData> {
  const last = lastCompleteMonth(scope.asOf);
  const to = scope.to < last ? scope.to : last;
  const months = to < scope.from ? [] : churnMonths(await monthTotals(db, to, scope), scope.from, to);
  return { asOf: scope.asOf.toISOString(), months };
}

export async function overviewReport(
  db: Db,
  scope: Pick<MetricsScope, "asOf" | "segment" | "plan">,
): Promise<OverviewData> {
  const last = lastCompleteMonth(scope.asOf);
  const previous = addMonths(last, -1);
  const [now, totals] = await Promise.all([customersAt(db, scope.asOf, scope), monthTotals(db, last, scope)]);
  const [previousMonth, lastMonth] = churnMonths(totals, previous, last);
  return {
    asOf: scope.asOf.toISOString(),
    customers: now.customers,
    mrrCents: now.mrrCents,
    lastMonth: lastMonth ?? null,
    previousMonth: previousMonth ?? null,
  };
}

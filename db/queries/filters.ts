// The segment and plan filters of every metric, as one WHERE fragment. They use the account's
// current values, which the rollup tables also carry.
import { type Column, type SQL, and, eq, gte, lt } from "drizzle-orm";
import { monthEnd, monthStart } from "@/lib/metrics/months";
import type { AccountFilter, MetricsScope } from "@/lib/types/metrics";

/** The segment and plan columns of the table a metric reads: accounts, or a rollup that copies them. */
export interface SegmentPlanColumns {
  segment: Column;
  plan: Column;
}

/** The conditions on the table's segment and plan columns; none (undefined) without a filter. */
export function segmentPlanWhere(filter: AccountFilter, columns: SegmentPlanColumns): SQL | undefined {
  return and(
    filter.segment ? eq(columns.segment, filter.segment) : undefined,
    filter.plan ? eq(columns.plan, filter.plan) : undefined,
  );
}

/** `column` in the months from..to (inclusive) and before asOf: the period of the reason reports. */
export function periodWhere(column: Column, scope: Pick<MetricsScope, "from" | "to" | "asOf">): SQL | undefined {
  return and(gte(column, monthStart(scope.from)), lt(column, monthEnd(scope.to)), lt(column, scope.asOf));
}
